package dev.saasapi.platform.lifecycle.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.StartupFailure;
import dev.saasapi.platform.http.control.CorsOrigins;
import dev.saasapi.platform.migrations.control.DatabaseMigrations;
import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import dev.saasapi.platform.persistence.control.DatabaseUrl;
import dev.saasapi.platform.persistence.control.SqlErrors;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;

/**
 * Runs once when the application is deployed: validates the configuration and migrates the
 * schema. Any problem fails the deployment with one line naming the environment variable, instead
 * of an application that answers every request with an error.
 */
@ApplicationScoped
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile boolean schemaMigrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object event) {
        try {
            DatabaseUrl.fromEnvironment().orElseThrow(DatabaseUrl::missing);
            CorsOrigins.fromEnvironment();
            migrate();
            schemaMigrated = true;
        } catch (InvalidConfigurationException e) {
            StartupFailure.report(e);
            throw e;
        }
    }

    /** Whether the configuration was valid and every changeset is applied: the app may serve. */
    public boolean schemaMigrated() {
        return schemaMigrated;
    }

    private void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMigrations.update(connection);
        } catch (SQLException | LiquibaseException e) {
            // one line: Liquibase's messages (a changed checksum, say) span several
            String reason = SqlErrors.sqlCause(e)
                    .map(SQLException::getMessage)
                    .orElse(e.getMessage())
                    .replaceAll("\\s+", " ");
            LOG.log(Level.FINE, "migration failed", e);
            throw new InvalidConfigurationException(
                    "the database in " + DatabaseUrl.VARIABLE + " could not be migrated: " + reason, e);
        }
    }
}
