package dev.saasapi.platform.problems.entity;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One kind of failure in the API's problem catalogue: the {@code type} URI {@code /problems/<slug>}
 * that clients branch on, with the status and title every problem of the kind shares. Each kind is
 * declared once, as a constant of the exception that reports it; the README's table lists them all.
 */
public record ProblemType(String slug, int status, String title) {

    private static final Pattern SLUG = Pattern.compile("[a-z]+(-[a-z]+)*");

    public ProblemType {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("a slug is lower-case words joined by hyphens: " + slug);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status is an error status: " + status);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a problem type needs a title: " + slug);
        }
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }
}
