package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * PostgreSQL cannot be reached, or every pooled connection stayed busy for the pool's whole wait:
 * the request is refused at once with 503 instead of failing with a 500 or hanging.
 */
public class DatabaseUnavailableException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("database-unavailable", 503, "Database unavailable");
    private static final long serialVersionUID = 1L;
    private static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException() {
        super(
                TYPE,
                "The database cannot be reached right now; nothing was changed. Retry after " + RETRY_AFTER_SECONDS
                        + " seconds.",
                null,
                null,
                RETRY_AFTER_SECONDS);
    }
}
