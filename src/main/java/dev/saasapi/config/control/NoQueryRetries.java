package dev.saasapi.config.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's retry of a read query after a communication failure: by default it tries
 * three more times, 5 s apart, so a database outage would take 15 s to answer. The pool already
 * validates and replaces connections; the client gets a 503 with Retry-After at once instead.
 */
public class NoQueryRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
        }
    }
}
