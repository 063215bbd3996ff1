package dev.saasapi.platform.lifecycle.boundary;

import dev.saasapi.platform.lifecycle.control.GracefulShutdown;
import dev.saasapi.platform.lifecycle.control.StartupChecks;
import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The MicroProfile Health checks behind {@code /health/started}, {@code /health/ready} and
 * {@code /health/live} (Kubernetes' startup, readiness and liveness probes): started once the
 * configuration is valid and the schema migrated; ready while that holds and PostgreSQL answers;
 * live as long as the process serves requests at all, so that a database outage takes the instance
 * out of the load balancer without getting it restarted.
 */
@ApplicationScoped
public class HealthChecks {

    /** How long the readiness probe waits for PostgreSQL to answer a connection check. */
    static final int DATABASE_CHECK_SECONDS = 2;

    @Inject
    StartupChecks startup;

    /** After the start-up checks (priority 2): only an application that started takes over SIGTERM. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(3) Object event) {
        if (startup.schemaMigrated()) {
            GracefulShutdown.install();
        }
    }

    @Produces
    @Startup
    HealthCheck migrated() {
        return () -> HealthCheckResponse.named("schema-migrated")
                .status(startup.schemaMigrated())
                .build();
    }

    @Produces
    @Readiness
    HealthCheck databaseReachable() {
        return () -> {
            if (!startup.schemaMigrated()) {
                return HealthCheckResponse.down("database");
            }
            // looked up when asked: the health extension creates this bean before the datasource exists
            try (Connection connection = InitialContext.<DataSource>doLookup(ApplicationDataSource.JNDI_NAME)
                    .getConnection()) {
                return HealthCheckResponse.named("database")
                        .status(connection.isValid(DATABASE_CHECK_SECONDS))
                        .build();
            } catch (SQLException | NamingException e) {
                return HealthCheckResponse.down("database");
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck notShuttingDown() {
        return () -> HealthCheckResponse.named("accepting-requests")
                .status(!GracefulShutdown.draining())
                .build();
    }

    @Produces
    @Liveness
    HealthCheck serving() {
        return () -> HealthCheckResponse.up("serving");
    }
}
