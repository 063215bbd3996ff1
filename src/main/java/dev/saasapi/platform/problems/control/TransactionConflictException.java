package dev.saasapi.platform.problems.control;

import jakarta.ws.rs.core.Response;

/**
 * PostgreSQL ended the request's transaction to resolve a conflict with another one (a deadlock, or a
 * serialization failure): nothing was written, and the same request can simply be sent again.
 */
public class TransactionConflictException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public TransactionConflictException() {
        super(
                Response.Status.CONFLICT,
                "concurrent-update",
                "Concurrent update",
                "Another request changed the same data at the same moment; nothing was changed. Retry the request.");
    }
}
