package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** A sensitive change sent without the current password, by a token whose login is not recent. */
public class PasswordRequiredException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("password-required", 403, "Password required");
    private static final long serialVersionUID = 1L;

    public PasswordRequiredException(long recentLoginMinutes) {
        super(
                TYPE,
                "Send current_password to make this change"
                        + (recentLoginMinutes == 0
                                ? "."
                                : ": the last login was more than " + recentLoginMinutes + " minute"
                                        + (recentLoginMinutes == 1 ? "" : "s") + " ago."));
    }
}
