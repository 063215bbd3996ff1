package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A failure the API reports on purpose. Subclasses are named for the failure; the mapper turns each
 * into a problem whose {@code type} is {@code /problems/<slug>}, a stable identifier clients can
 * branch on.
 */
public abstract class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final URI type;
    private final String title;

    protected ProblemException(Response.Status status, String slug, String title, String detail) {
        this(Response.status(status).build(), slug, title, detail);
    }

    protected ProblemException(Response response, String slug, String title, String detail) {
        super(detail, response);
        this.type = URI.create("/problems/" + slug);
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Shown to the client: must never contain internals. */
    public String detail() {
        return getMessage();
    }

    /** The invalid fields, for validation problems; null otherwise. */
    public List<Problem.FieldError> errors() {
        return null;
    }

    /** The OAuth2 error code, for failures of the token endpoint; null otherwise. */
    public String oauthError() {
        return null;
    }

    /** The {@code WWW-Authenticate} challenge for a 401, or null. */
    public String challenge() {
        return null;
    }
}
