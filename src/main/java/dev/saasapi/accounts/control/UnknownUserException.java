package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** No account has the id in the path (an admin's lookup). */
public class UnknownUserException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unknown-user", 404, "Unknown user");
    private static final long serialVersionUID = 1L;

    public UnknownUserException() {
        super(TYPE, "No account has this id.");
    }
}
