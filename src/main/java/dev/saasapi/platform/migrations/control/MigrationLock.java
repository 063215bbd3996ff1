package dev.saasapi.platform.migrations.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.persistence.control.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Lets one migrator at a time work on a schema, across every instance of the application and the
 * {@code db} command, with a PostgreSQL session advisory lock. PostgreSQL releases it when the
 * holder's connection ends, so a start-up killed in the middle of its migration leaves nothing that
 * blocks the next one (Liquibase's own lock row would: see {@link DatabaseMigrations}). Waiting for
 * a live holder is bounded by {@code MIGRATION_LOCK_WAIT_SECONDS}.
 */
final class MigrationLock implements AutoCloseable {

    static final String VARIABLE = "MIGRATION_LOCK_WAIT_SECONDS";
    static final int DEFAULT_SECONDS = 300;

    /** The two-key form: "SAAS" in ASCII, and the schema the migrations go to. */
    private static final String KEYS = "1396785491, hashtext(current_schema())";

    private static final Logger LOG = Logger.getLogger(MigrationLock.class.getName());

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on {@code connection}, waiting at most {@code seconds} for its holder. */
    static MigrationLock acquire(Connection connection, int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int attempt = 1; !tryLock(connection); attempt++) {
            if (System.nanoTime() >= deadline) {
                throw new InvalidConfigurationException("the migration lock of the database in " + DatabaseUrl.VARIABLE
                        + " is still held by " + holder(connection) + " (waited " + seconds + " s, " + VARIABLE
                        + "); if that connection is not migrating, end it with SELECT pg_terminate_backend(<pid>)");
            }
            if (attempt == 1) {
                LOG.warning("Waiting up to " + seconds + " s for the migration lock, held by " + holder(connection));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the migration lock", e);
            }
        }
        return new MigrationLock(connection);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(" + KEYS + ")");
                ResultSet result = lock.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }

    /** Who holds the lock, for the operator: the backend's pid, its application and address. */
    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                        SELECT a.pid, a.application_name, a.client_addr, a.backend_start
                        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                          AND l.classid::bigint = 1396785491
                          AND l.objid::bigint = hashtext(current_schema())::bigint & 4294967295
                        """);
                ResultSet result = query.executeQuery()) {
            return result.next()
                    ? "pid " + result.getInt(1) + " (" + result.getString(2) + ", " + result.getString(3)
                            + ", connected since " + result.getTimestamp(4).toInstant() + ")"
                    : "a connection that has just let it go";
        }
    }

    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback(); // a failed migration leaves its transaction aborted; unlocking needs a live one
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(" + KEYS + ")")) {
            unlock.execute();
        }
    }
}
