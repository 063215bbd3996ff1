package dev.saasapi.platform.lifecycle.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.migrations.control.DatabaseMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migration step of start-up, inside the server, on a schema of its own: what it does with a
 * changeset edited after it ran, a Liquibase lock left by a killed migrator and a migration lock held
 * by another connection. (That a failure of this step ends the process with exit status 78 and the
 * reason as its last line is the start-up failure path, see StartupConfigurationIT; that two instances
 * started at once apply each changeset once is MigrationSafetyIT, with two real processes.)
 */
class MigrationAtStartUpIT extends InContainerIT {

    private static final int LOCK_WAIT_SECONDS = 60;
    private String schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = "startup_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void aChangesetEditedAfterItWasAppliedStopsStartUpAndChangesNothing() throws Exception {
        try (Connection connection = schemaConnection()) {
            StartupChecks.migrate(connection, LOCK_WAIT_SECONDS);
        }
        execute("UPDATE " + schema + ".databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                + " WHERE id = '0001-create-users'");

        InvalidConfigurationException refused;
        try (Connection connection = schemaConnection()) {
            refused = assertThrows(
                    InvalidConfigurationException.class, () -> StartupChecks.migrate(connection, LOCK_WAIT_SECONDS));
        }
        assertTrue(
                refused.getMessage().startsWith("the database in DATABASE_URL could not be migrated: "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("was: 9:00000000000000000000000000000000 but is now"));
        assertEquals(
                List.of("9:00000000000000000000000000000000"),
                rows("SELECT md5sum FROM " + schema + ".databasechangelog WHERE id = '0001-create-users'"));
    }

    @Test
    void aLiquibaseLockLeftByAKilledMigratorIsReleasedAndThePendingChangesetRuns() throws Exception {
        try (Connection connection = schemaConnection()) {
            StartupChecks.migrate(connection, LOCK_WAIT_SECONDS);
            DatabaseMigrations.migrate(
                    connection, LOCK_WAIT_SECONDS, liquibase -> liquibase.rollback(1, (String) null));
        }
        long applied = count("SELECT count(*) FROM " + schema + ".databasechangelog");
        // what a migrator killed while it held Liquibase's lock leaves behind
        execute("UPDATE " + schema + ".databasechangeloglock SET locked = true, lockgranted = now(),"
                + " lockedby = 'killed-host (10.0.0.9)' WHERE id = 1");

        List<String> log = logged(DatabaseMigrations.class.getName(), () -> {
            try (Connection connection = schemaConnection()) {
                StartupChecks.migrate(connection, LOCK_WAIT_SECONDS);
            }
        });

        assertEquals(
                1,
                log.stream()
                        .filter(line -> line.startsWith("Releasing the Liquibase lock left by a migration that did not"
                                + " finish (locked by killed-host (10.0.0.9)"))
                        .count(),
                "" + log);
        assertEquals(applied + 1, count("SELECT count(*) FROM " + schema + ".databasechangelog"), "it ran");
        assertEquals(0, count("SELECT count(*) FROM " + schema + ".databasechangeloglock WHERE locked"));
    }

    @Test
    void aMigrationLockHeldTooLongStopsStartUpNamingTheConnectionThatHoldsIt() throws Exception {
        try (Connection holder = schemaConnection();
                Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(1396785491, hashtext(current_schema()))");
            int pid = count("SELECT pg_backend_pid()", holder);

            InvalidConfigurationException[] refused = new InvalidConfigurationException[1];
            List<String> log = logged("dev.saasapi.platform.migrations.control.MigrationLock", () -> {
                try (Connection connection = schemaConnection()) {
                    refused[0] = assertThrows(
                            InvalidConfigurationException.class, () -> StartupChecks.migrate(connection, 2));
                }
            });

            assertEquals(
                    1,
                    log.stream()
                            .filter(line ->
                                    line.startsWith("Waiting up to 2 s for the migration lock, held by pid " + pid))
                            .count(),
                    "" + log);
            assertTrue(
                    refused[0]
                            .getMessage()
                            .startsWith("the migration lock of the database in DATABASE_URL" + " is still held by pid "
                                    + pid),
                    refused[0].getMessage());
            assertTrue(refused[0].getMessage().contains("pg_terminate_backend"));
        }
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'"));
    }

    /** A connection of its own (not from the application's pool) whose current schema is the test's. */
    private Connection schemaConnection() throws SQLException {
        Connection connection = connect();
        connection.setSchema(schema);
        return connection;
    }

    /** The application's database, as its configuration names it. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("db.url", String.class),
                config.getOptionalValue("db.user", String.class).orElse(null),
                config.getOptionalValue("db.password", String.class).orElse(null));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connect()) {
            return count(sql, connection);
        }
    }

    private static int count(String sql, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
