package dev.saasapi.users.control;

import dev.saasapi.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** The token is valid but its account no longer exists or is disabled. */
public class UnknownAccountException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException() {
        super(
                Response.Status.UNAUTHORIZED,
                "invalid-token",
                "Invalid token",
                "The access token does not belong to an active account.");
    }

    @Override
    public String challenge() {
        return "Bearer error=\"invalid_token\"";
    }
}
