package dev.saasapi.platform.problems.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every error response ({@code application/problem+json}).
 *
 * @param errors for invalid input only: which fields were wrong and why
 * @param error for the token endpoint only: the OAuth2 error code (RFC 6749, section 5.2), which
 *     OAuth2 clients such as Swagger UI's Authorize dialog read
 * @param errorDescription with {@code error}: the detail, under the name OAuth2 clients read
 * @param requestId the id of the request ({@code X-Request-Id}), which finds it in the server's log
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String error,
        @JsonbProperty("error_description") String errorDescription,
        @JsonbProperty("request_id") String requestId) {

    public Problem(URI type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null, null, null, null);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, error, errorDescription, id);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {}
}
