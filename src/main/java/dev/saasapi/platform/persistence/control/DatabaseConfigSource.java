package dev.saasapi.platform.persistence.control;

import dev.saasapi.platform.config.control.DerivedConfigSource;
import dev.saasapi.platform.config.control.Environment;
import java.util.Map;
import java.util.Set;

/**
 * Offers {@code DATABASE_URL}, split into the {@code db.*} values the application's
 * {@code @DataSourceDefinition} reads through {@code ${MPCONFIG=...}}. The server opens the pool
 * before the application's own start-up check runs, so a missing or malformed URL is reported here.
 * MicroProfile Config is still being built when it asks this source, so the source reads the
 * environment itself.
 */
public class DatabaseConfigSource extends DerivedConfigSource {

    static final String URL = "db.url";
    static final String USER = "db.user";
    static final String PASSWORD = "db.password";

    public DatabaseConfigSource() {
        super(DatabaseUrl.VARIABLE, 250, Set.of(URL, USER, PASSWORD));
    }

    @Override
    protected Map<String, String> values() {
        DatabaseUrl db =
                DatabaseUrl.parse(Environment.setting(DatabaseUrl.VARIABLE).orElseThrow(DatabaseUrl::missing));
        return Map.of(URL, db.jdbcUrl(), USER, db.user(), PASSWORD, db.password());
    }
}
