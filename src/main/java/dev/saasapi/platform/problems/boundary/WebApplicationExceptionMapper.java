package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.problems.control.MalformedBodyException;
import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The API's own failures ({@link ProblemException}) and the HTTP errors JAX-RS raises (404, 405,
 * 415, 401 without a token, ...) as problem+json. Keeps the {@code Allow} header of a 405 and the
 * {@code Retry-After} of a 503.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        String instance = "/" + uri.getPath();
        Problem problem;
        if (e instanceof ProblemException known) {
            problem = Problems.of(known, instance);
        } else if (e.getCause() instanceof NoContentException) {
            problem =
                    Problems.of(new MalformedBodyException("A JSON object is required as the request body."), instance);
        } else {
            problem = Problems.generic(e.getResponse().getStatus(), instance);
        }
        Response.ResponseBuilder response = Problems.response(problem);
        if (problem.status() == 401) {
            String challenge = e instanceof ProblemException known ? known.challenge() : null;
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge == null ? Problems.BEARER_CHALLENGE : challenge);
        }
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER)) {
            String value = e.getResponse().getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }
}
