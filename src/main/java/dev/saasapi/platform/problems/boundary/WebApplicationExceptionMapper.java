package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's own failures ({@link ProblemException}) and the HTTP errors JAX-RS raises (404, 405,
 * 415, 401 without a token, ...) as problem+json.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        return Problems.response(e, "/" + uri.getPath());
    }
}
