package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * The current password sent to confirm a sensitive change is wrong. 403, not 401: the access token is
 * fine, and a client that reacts to 401 by refreshing or logging out would do the wrong thing.
 */
public class WrongPasswordException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("wrong-password", 403, "Wrong password");
    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super(TYPE, "The current password is not correct; nothing was changed.");
    }
}
