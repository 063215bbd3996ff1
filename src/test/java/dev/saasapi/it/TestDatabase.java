package dev.saasapi.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.persistence.control.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Direct SQL against the PostgreSQL the server under test uses, to check what was really stored. */
public final class TestDatabase {

    private TestDatabase() {}

    public static Connection connect() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY));
        Properties credentials = new Properties();
        credentials.setProperty("user", url.user());
        credentials.setProperty("password", url.password());
        return DriverManager.getConnection(url.jdbcUrl(), credentials);
    }

    /** The first column of the first row, if there is one. */
    public static Optional<String> queryString(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The first column of every row. */
    public static List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(queryString(sql, parameters).orElse("0"));
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Until a request waits for a lock the connection holds (other tests' lock waits do not count). */
    public static void awaitWaitersFor(Connection holder) throws Exception {
        int pid;
        try (PreparedStatement statement = holder.prepareStatement("SELECT pg_backend_pid()");
                var rows = statement.executeQuery()) {
            rows.next();
            pid = rows.getInt(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", pid) < 1) {
            assertTrue(System.nanoTime() < deadline, "no request waits for the locked row");
            Thread.sleep(20);
        }
    }
}
