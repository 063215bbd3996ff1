package dev.saasapi.it;

import dev.saasapi.platform.persistence.control.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

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
}
