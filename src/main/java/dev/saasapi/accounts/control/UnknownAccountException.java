package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** The token is well-formed and signed, but revoked, or its account no longer exists or is disabled. */
public class UnknownAccountException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException() {
        super(
                Response.Status.UNAUTHORIZED,
                "invalid-token",
                "Invalid token",
                "The access token was revoked, or its account no longer exists.");
    }

    @Override
    public String challenge() {
        return "Bearer error=\"invalid_token\"";
    }
}
