package dev.saasapi.problems.entity;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every error response ({@code application/problem+json}).
 *
 * @param errors for invalid input only: which fields were wrong and why
 */
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {}
}
