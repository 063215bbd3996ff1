package dev.saasapi.config.control;

import dev.saasapi.auth.control.PasswordHasher;
import dev.saasapi.auth.control.TokenSettings;
import dev.saasapi.http.control.CorsOrigins;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean EXITING = new AtomicBoolean();
    /** sysexits.h EX_CONFIG: the configuration is wrong, restarting alone will not help. */
    static final int EXIT_STATUS = 78;

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile boolean schemaMigrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object event) {
        try {
            DatabaseUrl.fromEnvironment().orElseThrow(DatabaseUrl::missing);
            TokenSettings.current();
            PasswordHasher.concurrency(Environment.setting(PasswordHasher.CONCURRENCY_VARIABLE));
            CorsOrigins.fromEnvironment();
            migrate();
            schemaMigrated = true;
        } catch (InvalidConfigurationException e) {
            reportOnce(e);
            throw e;
        }
    }

    /** Whether the configuration was valid and every changeset is applied: the app may serve. */
    public boolean schemaMigrated() {
        return schemaMigrated;
    }

    /**
     * Logs a configuration problem once, however many places run into it (this check, the config
     * sources Payara asks while it creates the datasource, the filters), and ends a Payara Micro
     * process: one that cannot serve should not look alive to its orchestrator.
     */
    public static void reportOnce(InvalidConfigurationException e) {
        if (REPORTED.add(e.getMessage())) {
            LOG.severe("Cannot start saas-api: " + e.getMessage());
        }
        if (PayaraMicroProcess.isRunning() && EXITING.compareAndSet(false, true)) {
            LOG.severe("Stopping Payara Micro with exit status " + EXIT_STATUS);
            PayaraMicroProcess.exitSoon(EXIT_STATUS);
        }
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
