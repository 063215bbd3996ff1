package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * The password was right, but {@code REQUIRE_EMAIL_VERIFICATION} asks for a verified email first.
 * Only a caller who knows the password learns it, so it tells a stranger nothing.
 */
public class EmailNotVerifiedException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("email-not-verified", 403, "Email address not verified");
    private static final long serialVersionUID = 1L;

    public EmailNotVerifiedException() {
        super(
                TYPE,
                "Confirm your email address with the link we mailed you before logging in;"
                        + " POST /auth/verify-email/resend sends a new one.",
                OAuthError.INVALID_GRANT);
    }
}
