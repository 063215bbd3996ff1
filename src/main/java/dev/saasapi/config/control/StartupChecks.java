package dev.saasapi.config.control;

import dev.saasapi.auth.control.TokenSettings;
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

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object event) {
        try {
            DatabaseUrl.fromEnvironment().orElseThrow(() -> new InvalidConfigurationException(
                    DatabaseUrl.VARIABLE + " is not set: point it at the PostgreSQL database"
                            + " (postgresql://user:password@host:5432/database)"));
            TokenSettings.current();
            migrate();
        } catch (InvalidConfigurationException e) {
            LOG.severe("Cannot start saas-api: " + e.getMessage());
            throw e;
        }
    }

    private void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMigrations.update(connection);
        } catch (SQLException | LiquibaseException e) {
            SQLException cause = DatabaseMigrations.unwrap(e);
            String reason = cause == null ? e.getMessage() : cause.getMessage();
            LOG.log(Level.FINE, "migration failed", e);
            throw new InvalidConfigurationException(
                    "the database in " + DatabaseUrl.VARIABLE + " could not be migrated: " + reason, e);
        }
    }
}
