package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** The token endpoints implement the OAuth2 password and refresh-token grants only. */
public class UnsupportedGrantTypeException extends ProblemException {

    private static final long serialVersionUID = 1L;

    /** @param supported the grant types the endpoint takes, as the client sends them */
    public UnsupportedGrantTypeException(String supported) {
        super(
                Response.Status.BAD_REQUEST,
                "unsupported-grant-type",
                "Unsupported grant type",
                "This endpoint takes " + supported + " only.");
    }

    @Override
    public String oauthError() {
        return "unsupported_grant_type";
    }
}
