package dev.saasapi.config.control;

import java.sql.Connection;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelogs from the top-level {@code liquibase/} folder (packaged as
 * {@code classpath:liquibase/}). The start-up check and the command line both come through here,
 * so both record the same changelog path and never apply a changeset twice.
 */
@SuppressWarnings("deprecation") // the Liquibase facade is the documented embedding API of 4.x
public final class DatabaseMigrations {

    public static final String CHANGELOG = "liquibase/changelog.yaml";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    private DatabaseMigrations() {}

    /** Brings the schema up to date; does nothing when every changeset has run already. */
    public static void update(Connection connection) throws LiquibaseException {
        try (Liquibase liquibase = open(connection)) {
            long start = System.nanoTime();
            liquibase.update(new Contexts(), new LabelExpression());
            LOG.info(() -> "Database schema up to date (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
    }

    /** The changelog in a Liquibase session over {@code connection}; the caller closes it. */
    public static Liquibase open(Connection connection) throws LiquibaseException {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase(
                CHANGELOG, new ClassLoaderResourceAccessor(DatabaseMigrations.class.getClassLoader()), database);
    }
}
