package dev.saasapi.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A schema of the test database for servers a test starts itself ({@code currentSchema} in their
 * {@code DATABASE_URL}), so that they migrate and fill tables of their own, never the suite's.
 */
public final class TestSchema implements AutoCloseable {

    private final String name;

    private TestSchema(String name) {
        this.name = name;
    }

    /** A new, empty schema named {@code prefix} and a random suffix. */
    public static TestSchema create(String prefix) throws SQLException {
        TestSchema schema =
                new TestSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    public String name() {
        return name;
    }

    /** {@code settings} and a {@code DATABASE_URL} of the test database that works in this schema. */
    public Map<String, String> environment(Map<String, String> settings) {
        String url = System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY);
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
        return environment;
    }

    /** A Payara process with these settings on this schema. */
    public PayaraProcess start(Map<String, String> settings) {
        try {
            return PayaraProcess.start(environment(settings));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same with more JVM options and data-grid options instead of {@code --nohazelcast}. */
    public PayaraProcess start(Map<String, String> settings, String jvmOptions, List<String> grid) {
        try {
            return PayaraProcess.start(environment(settings), jvmOptions, grid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }
}
