package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * An unknown, expired, revoked or already used refresh token: one answer for all of them, so that
 * the answer tells a thief nothing. The client has to log in again.
 */
public class InvalidRefreshTokenException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidRefreshTokenException() {
        super(
                Response.Status.UNAUTHORIZED,
                "invalid-refresh-token",
                "Invalid refresh token",
                "The refresh token is invalid, expired or revoked; log in again.");
    }

    @Override
    public String oauthError() {
        return "invalid_grant";
    }

    @Override
    public String challenge() {
        return "Bearer";
    }
}
