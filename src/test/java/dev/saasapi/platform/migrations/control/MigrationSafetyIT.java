package dev.saasapi.platform.migrations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at once, as a rolling deployment or a scaled-up service starts them: real
 * Payara processes against a schema of their own ({@code currentSchema} in DATABASE_URL), so that
 * nothing here touches the suite's tables. What the migration step does with an edited changeset, a
 * lock left by a killed migrator and a lock held too long is tested inside the server
 * (MigrationAtStartUpIT).
 */
class MigrationSafetyIT {

    private static final String PASSWORD = "migrations-Passw0rd";
    private static final long CHANGESETS = 5;
    private TestSchema schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = TestSchema.create("startup");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
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
                            "0002-users-tokens-valid-after:1",
                            "0003-create-email-tokens:1",
                            "0003-create-mail-outbox:1",
                            "0003-users-email-changed-at:1",
                            "0003-users-email-verified:1",
                            "0004-create-rate-limit-buckets:1",
                            "0005-create-failure-throttles:1",
                            "0006-create-memberships:1",
                            "0006-create-organizations:1",
                            "0007-create-invitations:1",
                            "0008-create-api-keys:1",
                            "0009-create-api-key-addresses:1",
                            "0009-create-audit-events:1"),
                    rows("SELECT id || ':' || count(*) FROM " + schema.name()
                            + ".databasechangelog GROUP BY id ORDER BY id"));
            assertEquals(2, count("SELECT count(*) FROM " + schema.name() + ".users"));
        }
    }

    private PayaraProcess startApp() {
        return startApp(Map.of());
    }

    private PayaraProcess startApp(Map<String, String> settings) {
        return schema.start(settings);
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
