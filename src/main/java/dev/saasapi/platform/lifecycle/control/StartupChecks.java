package dev.saasapi.platform.lifecycle.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import dev.saasapi.platform.migrations.control.DatabaseMigrations;
import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import dev.saasapi.platform.persistence.control.DatabaseUrl;
import dev.saasapi.platform.persistence.control.SqlErrors;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;

/**
 * Runs once when the application is deployed, after every part of the application has checked its
 * own settings (their observers have priority 1): checks {@code DATABASE_URL} and migrates the
 * schema. Any problem fails the deployment with one line naming the environment variable, instead
 * of an application that answers every request with an error.
 */
@ApplicationScoped
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Settings settings;

    private volatile boolean schemaMigrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(2) Object event) {
        try {
            DatabaseUrl.from(settings);
            migrate(DatabaseMigrations.lockWaitSeconds(settings));
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

    private void migrate(int lockWaitSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection, lockWaitSeconds);
        } catch (SQLException e) {
            throw notMigrated(e);
        }
    }

    /**
     * Brings the schema of {@code connection} up to date, as start-up does.
     *
     * @throws InvalidConfigurationException naming the reason in one line, if it cannot
     */
    static void migrate(Connection connection, int lockWaitSeconds) {
        try {
            DatabaseMigrations.update(connection, lockWaitSeconds);
        } catch (SQLException | LiquibaseException e) {
            throw notMigrated(e);
        }
    }

    private static InvalidConfigurationException notMigrated(Exception e) {
        // one line: Liquibase's messages (a changed checksum, say) span several
        String reason = SqlErrors.sqlCause(e)
                .map(SQLException::getMessage)
                .orElse(e.getMessage())
                .replaceAll("\\s+", " ");
        LOG.log(Level.FINE, "migration failed", e);
        return new InvalidConfigurationException(
                "the database in " + DatabaseUrl.VARIABLE + " could not be migrated: " + reason, e);
    }
}
