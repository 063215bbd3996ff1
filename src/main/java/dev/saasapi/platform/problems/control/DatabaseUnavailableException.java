package dev.saasapi.platform.problems.control;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * PostgreSQL cannot be reached, or every pooled connection stayed busy for the pool's whole wait:
 * the request is refused at once with 503 instead of failing with a 500 or hanging.
 */
public class DatabaseUnavailableException extends ProblemException {

    private static final long serialVersionUID = 1L;
    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException() {
        super(
                Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .build(),
                "database-unavailable",
                "Database unavailable",
                "The database cannot be reached right now; nothing was changed. Retry after " + RETRY_AFTER_SECONDS
                        + " seconds.");
    }
}
