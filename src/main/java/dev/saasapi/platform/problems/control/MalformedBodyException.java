package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The body is missing, not JSON, or JSON of the wrong shape (an array, null, a string for an object,
 * a duplicate or unknown member...).
 */
public class MalformedBodyException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.FieldError> errors;

    public MalformedBodyException(String detail) {
        this(detail, null);
    }

    /** With the offending members named, so a client sees which ones to fix. */
    public MalformedBodyException(String detail, List<Problem.FieldError> errors) {
        super(Response.Status.BAD_REQUEST, "malformed-body", "Malformed request body", detail);
        this.errors = errors;
    }

    /** A JSON {@code null} or an absent body where an object is required. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new MalformedBodyException("A JSON object is required as the request body.");
        }
        return body;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
