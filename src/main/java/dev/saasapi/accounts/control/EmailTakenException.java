package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** Another account already uses the email (compared case-insensitively). */
public class EmailTakenException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("email-taken", 409, "Email already registered");
    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super(TYPE, "An account with this email address already exists.");
    }
}
