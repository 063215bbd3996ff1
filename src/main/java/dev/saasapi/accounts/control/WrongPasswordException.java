package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * The current password sent to confirm a sensitive change is wrong. 403, not 401: the access token is
 * fine, and a client that reacts to 401 by refreshing or logging out would do the wrong thing.
 */
public class WrongPasswordException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super(
                Response.Status.FORBIDDEN,
                "wrong-password",
                "Wrong password",
                "The current password is not correct; nothing was changed.");
    }
}
