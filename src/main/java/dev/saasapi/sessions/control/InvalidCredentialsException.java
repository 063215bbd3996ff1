package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/** Wrong password or unknown email: one answer for both, so nobody can probe which emails exist. */
public class InvalidCredentialsException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("invalid-credentials", 401, "Invalid credentials");
    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super(TYPE, "Incorrect email or password.", OAuthError.INVALID_GRANT);
    }
}
