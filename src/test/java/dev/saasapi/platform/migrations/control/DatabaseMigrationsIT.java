package dev.saasapi.platform.migrations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import liquibase.Liquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The schema comes from the Liquibase changelogs, applied by the server and by the command line alike. */
@Isolated // no other class's server may use the suite's schema meanwhile (locks, a locked table)
class DatabaseMigrationsIT extends HttpIT {

    private static final Map<String, String> CHANGESETS = Map.ofEntries(
            Map.entry("0001-create-users", "0001-create-users.yaml"),
            Map.entry("0001-users-email-unique-ci", "0001-create-users.yaml"),
            Map.entry("0002-users-tokens-valid-after", "0002-sessions.yaml"),
            Map.entry("0002-create-sessions", "0002-sessions.yaml"),
            Map.entry("0002-create-refresh-tokens", "0002-sessions.yaml"),
            Map.entry("0003-create-mail-outbox", "0003-mail.yaml"),
            Map.entry("0003-users-email-verified", "0003-mail.yaml"),
            Map.entry("0003-users-email-changed-at", "0003-mail.yaml"),
            Map.entry("0003-create-email-tokens", "0003-mail.yaml"),
            Map.entry("0004-create-rate-limit-buckets", "0004-rate-limits.yaml"),
            Map.entry("0005-create-failure-throttles", "0005-failure-throttles.yaml"),
            Map.entry("0006-create-organizations", "0006-organizations.yaml"),
            Map.entry("0006-create-memberships", "0006-organizations.yaml"),
            Map.entry("0007-create-invitations", "0007-invitations.yaml"),
            Map.entry("0008-create-api-keys", "0008-api-keys.yaml"),
            Map.entry("0009-create-audit-events", "0009-audit-events.yaml"),
            Map.entry("0009-create-api-key-addresses", "0009-audit-events.yaml"));

    @Test
    void serverAppliedEveryChangesetAtStartUp() throws Exception {
        for (String id : CHANGESETS.keySet()) {
            assertEquals(
                    "liquibase/changes/" + CHANGESETS.get(id),
                    TestDatabase.queryString("SELECT filename FROM databasechangelog WHERE id = ?", id)
                            .orElseThrow(),
                    id);
        }
        assertEquals(
                "ux_users_email_lower",
                TestDatabase.queryString(
                                "SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexdef LIKE '%UNIQUE%lower(%'")
                        .orElseThrow());
    }

    @Test
    void commandLineUpdateFindsNothingLeftToApply() throws Exception {
        long before = TestDatabase.count("SELECT count(*) FROM databasechangelog");

        DatabaseMigrationsCommand.main(new String[] {"update"});

        assertEquals(before, TestDatabase.count("SELECT count(*) FROM databasechangelog"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM databasechangeloglock WHERE locked"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void everyChangesetRollsBackAndAppliesAgain() throws Exception {
        String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = TestDatabase.connect();
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        try (Connection connection = TestDatabase.connect()) {
            connection.createStatement().execute("SET search_path TO " + schema);
            try (Liquibase liquibase = DatabaseMigrations.open(connection)) {
                liquibase.getDatabase().setDefaultSchemaName(schema);
                liquibase.getDatabase().setLiquibaseSchemaName(schema);
                liquibase.update("");
                assertTrue(tableExists(connection, schema, "users"));
                assertTrue(tableExists(connection, schema, "refresh_tokens"));

                liquibase.rollback(CHANGESETS.size(), (String) null);
                assertFalse(tableExists(connection, schema, "users"));
                assertFalse(tableExists(connection, schema, "sessions"));
                assertEquals(0, count(connection, schema + ".databasechangelog"));

                liquibase.update("");
                assertTrue(tableExists(connection, schema, "users"));
                assertEquals(CHANGESETS.size(), count(connection, schema + ".databasechangelog"));
            }
        } finally {
            try (Connection admin = TestDatabase.connect();
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
