package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** Another request changed the account between this request's read and its write. */
public class ConcurrentUpdateException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException() {
        super(
                Response.Status.CONFLICT,
                "concurrent-update",
                "Concurrent update",
                "The account was changed by another request at the same time; read it again and retry.");
    }
}
