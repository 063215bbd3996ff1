package dev.saasapi.problems.control;

import jakarta.ws.rs.core.Response;

/** The body is missing, not JSON, or JSON of the wrong shape (an array, null, a string for an object...). */
public class MalformedBodyException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String detail) {
        super(Response.Status.BAD_REQUEST, "malformed-body", "Malformed request body", detail);
    }

    /** A JSON {@code null} or an absent body where an object is required. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new MalformedBodyException("A JSON object is required as the request body.");
        }
        return body;
    }
}
