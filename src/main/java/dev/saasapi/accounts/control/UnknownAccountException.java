package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The token is well-formed and signed, but revoked, or its account no longer exists or is disabled. */
public class UnknownAccountException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("invalid-token", 401, "Invalid token");
    private static final long serialVersionUID = 1L;

    public UnknownAccountException() {
        super(TYPE, "The access token was revoked, or its account no longer exists.", OAuthError.INVALID_TOKEN);
    }
}
