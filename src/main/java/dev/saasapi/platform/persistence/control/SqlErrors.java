package dev.saasapi.platform.persistence.control;

import jakarta.resource.ResourceException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Optional;

/** The database's own error behind the wrappers JPA, JTA and Liquibase put around it. */
public final class SqlErrors {

    /** PostgreSQL's SQLSTATE for a unique index violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    static final String DEADLOCK_DETECTED = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    private SqlErrors() {}

    /**
     * Whether the failure means the database could not be used at all rather than a bad statement:
     * no connection (refused, timed out, lost: SQLSTATE class 08, server shutting down 57P0x, too
     * many connections 53300) or the pool gave none within its wait (the connector's
     * ResourceException).
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResourceException || t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL ended the transaction to resolve a conflict with another one: a deadlock
     * (40P01) or a serialization failure (40001). The transaction was rolled back, so a retry is safe.
     */
    public static boolean transactionConflict(Throwable e) {
        return sqlCause(e)
                .map(SQLException::getSQLState)
                .filter(state -> state.equals(DEADLOCK_DETECTED) || state.equals(SERIALIZATION_FAILURE))
                .isPresent();
    }

    /**
     * The database's refusal of the login itself, anywhere in the chain (the pool wraps it in its own
     * exceptions): a wrong user or password (SQLSTATE class 28) or no such database (3D000). Waiting
     * does not help; the configuration is wrong.
     */
    public static Optional<SQLException> loginRefused(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    public static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
