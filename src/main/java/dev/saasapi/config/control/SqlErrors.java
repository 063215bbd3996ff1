package dev.saasapi.config.control;

import java.sql.SQLException;
import java.util.Optional;

/** The database's own error behind the wrappers JPA, JTA and Liquibase put around it. */
public final class SqlErrors {

    /** PostgreSQL's SQLSTATE for a unique index violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    public static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
