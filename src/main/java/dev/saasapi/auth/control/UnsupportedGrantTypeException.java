package dev.saasapi.auth.control;

import dev.saasapi.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** The token endpoint implements only the OAuth2 password grant. */
public class UnsupportedGrantTypeException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public UnsupportedGrantTypeException() {
        super(
                Response.Status.BAD_REQUEST,
                "unsupported-grant-type",
                "Unsupported grant type",
                "Only grant_type=password is supported.");
    }

    @Override
    public String oauthError() {
        return "unsupported_grant_type";
    }
}
