package dev.saasapi.platform.persistence.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Prepares EclipseLink's session while the application deploys, before it first connects:
 *
 * <ul>
 *   <li>waits for a PostgreSQL that is still starting ({@link DatabaseWait}): the server connects
 *       here, before any code of the application runs, so this is the one place a bounded wait
 *       can precede the first connection;
 *   <li>turns off the retry of a read query after a communication failure: by default EclipseLink
 *       tries three more times, 5 s apart, so an outage would take 15 s to answer. The pool already
 *       validates and replaces connections; the client gets a 503 with Retry-After at once instead;
 *   <li>gives the shared entity caches their expiry ({@link EntityCaches}).
 * </ul>
 */
public class DatabaseSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) throws Exception {
        if (!(session.getDatasourceLogin() instanceof DatabaseLogin login)) {
            return;
        }
        login.setQueryRetryAttemptCount(0);
        try {
            // EclipseLink makes this class, not CDI: the configuration is asked for directly
            Settings settings = new Settings(ConfigProvider.getConfig());
            EntityCaches.configure(session, EntityCaches.expiry(settings));
            // the container's datasource, as the server handed it to EclipseLink (no JNDI context yet)
            if (login.getConnector() instanceof JNDIConnector connector && connector.getDataSource() != null) {
                DatabaseWait.untilReachable(connector.getDataSource(), DatabaseWait.seconds(settings));
            }
        } catch (InvalidConfigurationException e) {
            StartupFailure.report(e);
            throw e;
        }
    }
}
