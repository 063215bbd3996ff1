package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Every password-hashing slot stayed busy for the whole wait: shed load instead of queueing. */
public class PasswordHashingBusyException extends ProblemException {

    private static final long serialVersionUID = 1L;
    static final int RETRY_AFTER_SECONDS = 1;

    public PasswordHashingBusyException() {
        super(
                Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .build(),
                "busy",
                "Too many sign-ins at once",
                "The server is checking too many passwords right now; retry after " + RETRY_AFTER_SECONDS + " second.");
    }

    @Override
    public String oauthError() {
        return "temporarily_unavailable";
    }
}
