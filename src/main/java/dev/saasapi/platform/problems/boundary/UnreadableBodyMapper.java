package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.problems.control.MalformedBodyException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A body that is not valid JSON, or has a value of the wrong type, is the client's mistake (400),
 * not a server error. The parser's message is not echoed: it can quote internals.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        String instance = "/" + uri.getPath();
        if (!isJsonProblem(e)) {
            return UnexpectedErrorMapper.internalError(e, instance);
        }
        LOG.log(Level.FINE, "unreadable request body", e);
        return Problems.response(MalformedBodyException.wrongShape(), instance);
    }

    private static boolean isJsonProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
