package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import dev.saasapi.platform.problems.entity.ProblemType;
import java.util.List;

/**
 * The body is missing, not JSON, or JSON of the wrong shape (an array, null, a string for an object,
 * a duplicate or unknown member...).
 */
public class MalformedBodyException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("malformed-body", 400, "Malformed request body");
    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String detail) {
        this(detail, null, null);
    }

    /** With the offending members named, so a client sees which ones to fix. */
    public MalformedBodyException(String detail, List<Problem.FieldError> errors) {
        this(detail, errors, null);
    }

    /** @param oauthError the code a token endpoint adds for OAuth2 clients */
    public MalformedBodyException(String detail, OAuthError oauthError) {
        this(detail, null, oauthError);
    }

    private MalformedBodyException(String detail, List<Problem.FieldError> errors, OAuthError oauthError) {
        super(TYPE, detail, errors, oauthError, 0);
    }

    /** A JSON {@code null}, an absent or blank body, or a JSON value other than an object. */
    public static MalformedBodyException noObject() {
        return new MalformedBodyException("A JSON object is required as the request body.");
    }

    /** JSON the parser or the binding refused: its message is not echoed, as it can quote internals. */
    public static MalformedBodyException wrongShape() {
        return new MalformedBodyException(
                "The body is not valid JSON of the expected shape (check syntax and value types).");
    }

    /** A JSON {@code null} or an absent body where an object is required. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw noObject();
        }
        return body;
    }
}
