package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** Another account already uses the email (compared case-insensitively). */
public class EmailTakenException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super(
                Response.Status.CONFLICT,
                "email-taken",
                "Email already registered",
                "An account with this email address already exists.");
    }
}
