package dev.saasapi.config.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Offers {@code DATABASE_URL}, split into the {@code db.*} values the application's
 * {@code @DataSourceDefinition} reads through {@code ${MPCONFIG=...}}.
 * A missing or malformed URL yields no values; the problem is logged in one line naming the variable,
 * because the server tries to open the pool before the application's own start-up check runs.
 */
public class DatabaseConfigSource implements ConfigSource {

    static final String URL = "db.url";
    static final String USER = "db.user";
    static final String PASSWORD = "db.password";

    @Override
    public Map<String, String> getProperties() {
        try {
            return DatabaseUrl.fromEnvironment()
                    .map(db -> Map.of(URL, db.jdbcUrl(), USER, db.user(), PASSWORD, db.password()))
                    .orElseGet(() -> {
                        StartupChecks.reportOnce(DatabaseUrl.missing());
                        return Map.of();
                    });
        } catch (InvalidConfigurationException e) {
            StartupChecks.reportOnce(e);
            return Map.of();
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(URL, USER, PASSWORD);
    }

    @Override
    public String getValue(String propertyName) {
        return getPropertyNames().contains(propertyName) ? getProperties().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "DATABASE_URL";
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
