package dev.saasapi.problems.boundary;

import dev.saasapi.problems.entity.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a 500 problem that reveals nothing of the server, with a reference that finds
 * the full stack trace in the log.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        return internalError(e, "/" + uri.getPath());
    }

    static Response internalError(Throwable e, String instance) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + reference + " on " + instance, e);
        var generic = Problems.generic(500, instance);
        return Problems.response(new Problem(
                        generic.type(),
                        generic.title(),
                        500,
                        "An unexpected error occurred (reference " + reference + ").",
                        instance))
                .build();
    }
}
