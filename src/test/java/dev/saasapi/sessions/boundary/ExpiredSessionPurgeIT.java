package dev.saasapi.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.platform.migrations.control.DatabaseMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions of users who never come back are deleted by the instance itself: a real Payara process on
 * a schema of its own, so that the suite's sessions are not touched.
 */
class ExpiredSessionPurgeIT {

    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = "purge_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestDatabase.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        try (Connection connection = schemaConnection()) {
            DatabaseMigrations.update(connection, 60); // seconds to wait for another migrator
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void expiredSessionsAreDeletedAtStartUpAndLiveOnesKept() throws Exception {
        UUID user = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        try (Connection connection = schemaConnection()) {
            insert(
                    connection,
                    "INSERT INTO users (id, email, password_hash, is_active, created_at, updated_at, version)"
                            + " VALUES (?, 'gone@example.com', 'x', true, now(), now(), 0)",
                    user);
            for (UUID session : new UUID[] {expired, live}) {
                String expiry = session == expired ? "now() - interval '1 day'" : "now() + interval '1 day'";
                insert(
                        connection,
                        "INSERT INTO sessions (id, user_id, created_at, authenticated_at, last_used_at,"
                                + " expires_at) VALUES (?, ?, now(), now(), now(), " + expiry + ")",
                        session,
                        user);
                insert(
                        connection,
                        "INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (?, ?, now())",
                        session.toString().substring(0, 36) + "-------",
                        session);
            }
        }

        try (PayaraProcess payara = startApp()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (count("SELECT count(*) FROM sessions WHERE id = ?", expired) > 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertEquals(0, count("SELECT count(*) FROM sessions WHERE id = ?", expired), payara.log());
            assertEquals(0, count("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", expired));
            assertEquals(1, count("SELECT count(*) FROM sessions WHERE id = ?", live));
            assertEquals(1, count("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", live));
            assertEquals(1, payara.logLines("Deleted 1 expired session"), payara.log());
        }
    }

    private PayaraProcess startApp() throws Exception {
        String url = System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY);
        return PayaraProcess.start(
                Map.of("DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema));
    }

    private Connection schemaConnection() throws SQLException {
        Connection connection = TestDatabase.connect();
        connection.setSchema(schema);
        return connection;
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = schemaConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
