package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.http.control.RequestIds;
import dev.saasapi.platform.persistence.control.SqlErrors;
import dev.saasapi.platform.problems.control.ConcurrentUpdateException;
import dev.saasapi.platform.problems.control.DatabaseUnavailableException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a 500 problem that reveals nothing of the server, with a reference that finds
 * the full stack trace in the log. Two database failures are not bugs and get answers a client can act
 * on: an outage (503, retry later) and a transaction PostgreSQL rolled back to resolve a conflict with
 * a concurrent one (409, retry now).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        String instance = "/" + uri.getPath();
        if (SqlErrors.databaseUnavailable(e)) {
            // an outage, not a bug: one line without the stack trace, and a 503 the client can retry
            LOG.warning(() -> "Database unavailable on " + instance + ": " + innermostMessage(e));
            return Problems.response(new DatabaseUnavailableException(), instance);
        }
        if (SqlErrors.transactionConflict(e)) {
            // PostgreSQL rolled the transaction back to let a concurrent one through: the client retries
            LOG.warning(() -> "Transaction conflict on " + instance + ", rolled back: " + innermostMessage(e));
            return Problems.response(new ConcurrentUpdateException(), instance);
        }
        return internalError(e, instance);
    }

    private static String innermostMessage(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return String.valueOf(innermost.getMessage());
    }

    static Response internalError(Throwable e, String instance) {
        // the request's id when there is one, so the client's X-Request-Id finds this line
        String reference = Objects.requireNonNullElseGet(
                RequestIds.current(), () -> UUID.randomUUID().toString());
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
