package dev.saasapi.platform.migrations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.platform.config.control.StartupFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migrations at start-up that ops can trust: real Payara processes against a schema of their own
 * ({@code currentSchema} in DATABASE_URL), so that nothing here touches the suite's tables.
 */
class MigrationSafetyIT {

    private static final String PASSWORD = "migrations-Passw0rd";
    private static final long CHANGESETS = 5;
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
    void twoInstancesStartingAtOnceApplyEachChangesetExactlyOnce() throws Exception {
        CompletableFuture<PayaraProcess> first = CompletableFuture.supplyAsync(this::startApp);
        CompletableFuture<PayaraProcess> second = CompletableFuture.supplyAsync(this::startApp);
        try (PayaraProcess one = first.join();
                PayaraProcess two = second.join()) {
            for (PayaraProcess payara : List.of(one, two)) {
                assertEquals(OptionalInt.empty(), payara.exitStatus(Duration.ZERO), payara.log());
                Api api = new Api(payara.url());
                assertEquals(200, api.get("/health/ready").statusCode(), payara.log());
                assertEquals(201, api.register(Api.uniqueEmail(), PASSWORD).statusCode());
            }
            assertEquals(
                    List.of(
                            "0001-create-users:1",
                            "0001-users-email-unique-ci:1",
                            "0002-create-refresh-tokens:1",
                            "0002-create-sessions:1",
                            "0002-users-tokens-valid-after:1"),
                    rows("SELECT id || ':' || count(*) FROM " + schema + ".databasechangelog GROUP BY id ORDER BY id"));
            assertEquals(2, count("SELECT count(*) FROM " + schema + ".users"));
        }
    }

    @Test
    void aChangesetEditedAfterItWasAppliedStopsStartUp() throws Exception {
        migrateInTest();
        execute("UPDATE " + schema + ".databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                + " WHERE id = '0001-create-users'");

        try (PayaraProcess payara = startApp()) {
            assertEquals(OptionalInt.of(StartupFailure.EXIT_STATUS), payara.exitStatus(Duration.ofSeconds(60)));
            assertEquals(
                    1,
                    payara.logLines("Cannot start saas-api: the database in DATABASE_URL could not be migrated:"),
                    payara.log());
            assertTrue(payara.log().contains("was: 9:00000000000000000000000000000000 but is now"), payara.log());
        }
        assertEquals(
                "9:00000000000000000000000000000000",
                TestDatabase.queryString(
                                "SELECT md5sum FROM " + schema + ".databasechangelog WHERE id = '0001-create-users'")
                        .orElseThrow(),
                "nothing was changed");
    }

    @Test
    void aLockLeftByAStartUpKilledMidMigrationIsReleasedByTheNextStart() throws Exception {
        migrateInTest();
        try (Connection connection = schemaConnection()) {
            DatabaseMigrations.migrate(
                    connection, MigrationLock.DEFAULT_SECONDS, liquibase -> liquibase.rollback(1, (String) null));
        }
        // what a migrator killed while it held Liquibase's lock leaves behind
        execute("UPDATE " + schema + ".databasechangeloglock SET locked = true, lockgranted = now(),"
                + " lockedby = 'killed-host (10.0.0.9)' WHERE id = 1");

        try (PayaraProcess payara = startApp()) {
            assertEquals(200, new Api(payara.url()).get("/health/ready").statusCode(), payara.log());
            assertEquals(
                    1,
                    payara.logLines("Releasing the Liquibase lock left by a migration that did not finish"
                            + " (locked by killed-host (10.0.0.9)"),
                    payara.log());
        }
        assertEquals(
                CHANGESETS,
                count("SELECT count(*) FROM " + schema + ".databasechangelog"),
                "the pending changeset ran");
        assertEquals(0, count("SELECT count(*) FROM " + schema + ".databasechangeloglock WHERE locked"));
    }

    @Test
    void aMigratorHoldingTheLockTooLongStopsStartUpNamingItsConnection() throws Exception {
        try (Connection holder = schemaConnection();
                Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(1396785491, hashtext(current_schema()))");
            int pid = backendPid(holder);

            try (PayaraProcess payara = startApp(Map.of(MigrationLock.VARIABLE, "2"))) {
                assertEquals(OptionalInt.of(StartupFailure.EXIT_STATUS), payara.exitStatus(Duration.ofSeconds(60)));
                assertEquals(1, payara.logLines("Waiting up to 2 s for the migration lock, held by pid " + pid));
                assertEquals(
                        1,
                        payara.logLines("Cannot start saas-api: the migration lock of the database in DATABASE_URL"
                                + " is still held by pid " + pid),
                        payara.log());
                assertTrue(payara.log().contains("pg_terminate_backend"), payara.log());
            }
        }
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'"));
    }

    private PayaraProcess startApp() {
        return startApp(Map.of());
    }

    private PayaraProcess startApp(Map<String, String> settings) {
        String url = System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY);
        var environment = new java.util.HashMap<>(settings);
        environment.put("DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        try {
            return PayaraProcess.start(environment);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void migrateInTest() throws Exception {
        try (Connection connection = schemaConnection()) {
            DatabaseMigrations.update(connection, MigrationLock.DEFAULT_SECONDS);
        }
    }

    private Connection schemaConnection() throws SQLException {
        Connection connection = TestDatabase.connect();
        connection.setSchema(schema);
        return connection;
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        return TestDatabase.count(sql);
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            var rows = new java.util.ArrayList<String>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
