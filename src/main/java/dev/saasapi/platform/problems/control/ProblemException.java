package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import dev.saasapi.platform.problems.entity.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * A failure the API reports on purpose: a {@link ProblemType} of the catalogue with a detail for this
 * occurrence. Subclasses are named for the failure and declare their type as a constant; the mapper
 * turns each into a problem whose {@code type} is {@code /problems/<slug>}, a stable identifier clients
 * can branch on.
 */
public abstract class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<Problem.FieldError> errors;
    private final OAuthError oauthError;

    protected ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null, 0);
    }

    protected ProblemException(ProblemType type, String detail, OAuthError oauthError) {
        this(type, detail, null, oauthError, 0);
    }

    /**
     * @param errors the invalid fields, or null
     * @param oauthError the OAuth2 error code, for the token endpoints' problems and a rejected access
     *     token; null otherwise
     * @param retryAfterSeconds when the client may try again ({@code Retry-After}); 0 for no header
     */
    protected ProblemException(
            ProblemType type,
            String detail,
            List<Problem.FieldError> errors,
            OAuthError oauthError,
            int retryAfterSeconds) {
        this(type, detail, errors, oauthError, retryAfterSeconds, Map.of());
    }

    /** @param headers more headers of the answer, among those the problem response keeps (rate limits) */
    protected ProblemException(
            ProblemType type,
            String detail,
            List<Problem.FieldError> errors,
            OAuthError oauthError,
            int retryAfterSeconds,
            Map<String, String> headers) {
        super(detail, response(type, retryAfterSeconds, headers));
        this.type = type;
        this.errors = errors;
        this.oauthError = oauthError;
    }

    private static Response response(ProblemType type, int retryAfterSeconds, Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(type.status());
        if (retryAfterSeconds > 0) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        headers.forEach(response::header);
        return response.build();
    }

    public ProblemType type() {
        return type;
    }

    /** Shown to the client: must never contain internals. */
    public String detail() {
        return getMessage();
    }

    /** The invalid fields, for validation problems; null otherwise. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The OAuth2 error code, or null. */
    public OAuthError oauthError() {
        return oauthError;
    }
}
