package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** No active session of the caller has this id (another account's sessions are not even acknowledged). */
public class UnknownSessionException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unknown-session", 404, "Unknown session");
    private static final long serialVersionUID = 1L;

    public UnknownSessionException() {
        super(TYPE, "You have no active session with this id.");
    }
}
