package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * Every password-hashing slot stayed busy for the whole wait: shed load instead of queueing. Only the
 * login's carries OAuth2's {@code temporarily_unavailable}: OAuth members belong to the token endpoint.
 */
public class PasswordHashingBusyException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("busy", 503, "Too many sign-ins at once");
    private static final long serialVersionUID = 1L;
    private static final int RETRY_AFTER_SECONDS = 1;

    private static final String DETAIL =
            "The server is checking too many passwords right now; retry after " + RETRY_AFTER_SECONDS + " second.";

    public PasswordHashingBusyException() {
        this(null);
    }

    private PasswordHashingBusyException(OAuthError oauthError) {
        super(TYPE, DETAIL, null, oauthError, RETRY_AFTER_SECONDS);
    }

    /** The same refusal as the token endpoint answers it. */
    public static PasswordHashingBusyException atTokenEndpoint() {
        return new PasswordHashingBusyException(OAuthError.TEMPORARILY_UNAVAILABLE);
    }
}
