package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Bean Validation failures of request bodies, reported as {@link InvalidFieldsException}. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .toList();
        return Problems.response(new InvalidFieldsException(errors), "/" + uri.getPath());
    }

    /** The leaf of the path: the body's property, or the form field; "body" for the body itself. */
    private static String field(ConstraintViolation<?> violation) {
        String name = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null && node.getKind() != ElementKind.METHOD) {
                name = node.getName();
            }
        }
        return jsonName(violation.getLeafBean(), name);
    }

    /** Bodies are records; a component renamed for JSON ({@code current_password}) is reported by that name. */
    private static String jsonName(Object bean, String name) {
        if (bean != null && bean.getClass().isRecord()) {
            for (RecordComponent component : bean.getClass().getRecordComponents()) {
                JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
                if (component.getName().equals(name) && property != null) {
                    return property.value();
                }
            }
        }
        return name;
    }
}
