package dev.saasapi.platform.persistence.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one datasource, defined in the WAR so that the same artifact runs on Payara
 * Micro and on a full Payara Server with nothing but {@code DATABASE_URL} set. The pool validates
 * connections before handing them out, so it recovers by itself after a database restart. Waiting
 * is bounded everywhere (a free connection 5 s, connecting 5 s, any reply 5 s: every statement of
 * the API takes milliseconds), so an outage turns into a 503 within seconds, never a hang. A
 * connection that fails validation is replaced on its own (not the whole pool at once: Payara's
 * pool miscounts its connections after failing them all, which the pool gauges would show).
 */
@DataSourceDefinition(
        name = ApplicationDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 20,
        maxIdleTime = 300,
        loginTimeout = 5,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=false",
            "fish.payara.max-wait-time-in-millis=5000",
            "connectTimeout=5",
            "socketTimeout=5",
            "ApplicationName=saas-api"
        })
@ApplicationScoped
public class ApplicationDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/saasapi";
}
