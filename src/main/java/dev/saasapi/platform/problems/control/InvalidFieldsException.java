package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;

/** Well-formed input with invalid values: 422 with one entry per field, as FastAPI clients expect. */
public class InvalidFieldsException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private static final int UNPROCESSABLE_CONTENT = 422;

    private final transient List<Problem.FieldError> errors;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        super(
                Response.status(UNPROCESSABLE_CONTENT).build(),
                "validation",
                "Invalid request",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".");
        this.errors = errors.stream()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
