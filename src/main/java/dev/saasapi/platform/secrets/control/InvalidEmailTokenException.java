package dev.saasapi.platform.secrets.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** A mailed link's token that is unknown, expired, already used or replaced by a newer one: all look alike. */
public class InvalidEmailTokenException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("invalid-email-token", 400, "Invalid or expired link");
    private static final long serialVersionUID = 1L;

    public InvalidEmailTokenException() {
        super(TYPE, "This link is invalid, expired or was used already; request a new one.");
    }
}
