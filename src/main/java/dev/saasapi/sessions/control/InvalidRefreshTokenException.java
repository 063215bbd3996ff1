package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * An unknown, expired, revoked or already used refresh token: one answer for all of them, so that
 * the answer tells a thief nothing. The client has to log in again.
 */
public class InvalidRefreshTokenException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("invalid-refresh-token", 401, "Invalid refresh token");
    private static final long serialVersionUID = 1L;

    public InvalidRefreshTokenException() {
        super(TYPE, "The refresh token is invalid, expired or revoked; log in again.", OAuthError.INVALID_GRANT);
    }
}
