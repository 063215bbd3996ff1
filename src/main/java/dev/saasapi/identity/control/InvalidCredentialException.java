package dev.saasapi.identity.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * A well-formed credential that no longer works: an access token that was revoked or whose account is
 * gone or disabled, or an API key that is unknown, revoked or expired. One answer for all of them.
 */
public class InvalidCredentialException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("invalid-token", 401, "Invalid token");
    private static final long serialVersionUID = 1L;

    public InvalidCredentialException() {
        super(TYPE, "The access token was revoked, or its account no longer exists.", OAuthError.INVALID_TOKEN);
    }
}
