package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * Every password-hashing slot stayed busy for the whole wait: shed load instead of queueing. Carries
 * OAuth2's {@code temporarily_unavailable} wherever a password is hashed, the login included.
 */
public class PasswordHashingBusyException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("busy", 503, "Too many sign-ins at once");
    private static final long serialVersionUID = 1L;
    private static final int RETRY_AFTER_SECONDS = 1;

    public PasswordHashingBusyException() {
        super(
                TYPE,
                "The server is checking too many passwords right now; retry after " + RETRY_AFTER_SECONDS + " second.",
                null,
                OAuthError.TEMPORARILY_UNAVAILABLE,
                RETRY_AFTER_SECONDS);
    }
}
