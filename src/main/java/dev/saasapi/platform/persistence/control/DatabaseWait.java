package dev.saasapi.platform.persistence.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up's bounded wait for a PostgreSQL that does not accept connections yet (compose starting
 * both at once, a database restarted with the app): a retry every second, then one clear line
 * naming {@code DATABASE_URL} instead of an endless retry or an application that never serves.
 */
public final class DatabaseWait {

    public static final String VARIABLE = "DATABASE_WAIT_SECONDS";
    static final int DEFAULT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());
    /**
     * Payara's connection pool logs three WARNING lines per failed attempt; while this waits, its one
     * line says so and its end names the cause. Held here so that the level set on it stays.
     */
    private static final Logger POOL_LOG = Logger.getLogger("javax.enterprise.resource.resourceadapter");

    private DatabaseWait() {}

    /** The configured wait; a value out of range stops start-up. */
    public static int seconds(Settings settings) {
        return settings.seconds(VARIABLE, DEFAULT_SECONDS);
    }

    /**
     * Returns once a connection could be opened, waiting at most {@code seconds}; only "unreachable"
     * is retried, never bad credentials.
     */
    public static void untilReachable(DataSource dataSource, int seconds) throws SQLException {
        Level poolLevel = POOL_LOG.getLevel();
        POOL_LOG.setLevel(Level.SEVERE);
        try {
            retry(dataSource, seconds);
        } finally {
            POOL_LOG.setLevel(poolLevel);
        }
    }

    private static void retry(DataSource dataSource, int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (attempt > 1) {
                    LOG.info("The database in " + DatabaseUrl.VARIABLE + " accepts connections");
                }
                return;
            } catch (SQLException e) {
                Optional<SQLException> refused = SqlErrors.loginRefused(e);
                if (refused.isPresent()) {
                    throw new InvalidConfigurationException(
                            "the database in " + DatabaseUrl.VARIABLE + " refused the login: "
                                    + refused.get().getMessage() + " (check the user, password and database name)",
                            e);
                }
                if (!SqlErrors.databaseUnavailable(e)) {
                    throw e;
                }
                if (System.nanoTime() >= deadline) {
                    throw new InvalidConfigurationException(
                            "the database in " + DatabaseUrl.VARIABLE + " cannot be reached (waited " + seconds
                                    + " s, " + VARIABLE + "): "
                                    + SqlErrors.sqlCause(e)
                                            .map(SQLException::getMessage)
                                            .orElse(e.getMessage()),
                            e);
                }
                if (attempt == 1) {
                    LOG.warning("Waiting up to " + seconds + " s for the database in " + DatabaseUrl.VARIABLE);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
