package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** Wrong password or unknown email: one answer for both, so nobody can probe which emails exist. */
public class InvalidCredentialsException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super(
                Response.Status.UNAUTHORIZED,
                "invalid-credentials",
                "Invalid credentials",
                "Incorrect email or password.");
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
