package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The token endpoints implement the OAuth2 password and refresh-token grants only. */
public class UnsupportedGrantTypeException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unsupported-grant-type", 400, "Unsupported grant type");
    private static final long serialVersionUID = 1L;

    /** @param supported the grant types the endpoint takes, as the client sends them */
    public UnsupportedGrantTypeException(String supported) {
        super(TYPE, "This endpoint takes " + supported + " only.", OAuthError.UNSUPPORTED_GRANT_TYPE);
    }
}
