package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.ws.rs.core.Response;

/** No active session of the caller has this id (another account's sessions are not even acknowledged). */
public class UnknownSessionException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public UnknownSessionException() {
        super(
                Response.Status.NOT_FOUND,
                "unknown-session",
                "Unknown session",
                "You have no active session with this id.");
    }
}
