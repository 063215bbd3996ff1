package dev.saasapi.platform.migrations.control;

import dev.saasapi.platform.config.control.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the Liquibase changelogs from the top-level {@code liquibase/} folder (packaged as
 * {@code classpath:liquibase/}). The start-up check and the command line both come through here,
 * so both record the same changelog path, take the same lock and never apply a changeset twice.
 */
@SuppressWarnings("deprecation") // the Liquibase facade is the documented embedding API of 4.x
public final class DatabaseMigrations {

    public static final String CHANGELOG = "liquibase/changelog.yaml";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
    /**
     * Liquibase logs about 30 INFO lines for an update (snapshots, locks, a summary table); the one
     * line of {@link #update} names what was applied. Held here so that the level set on it stays.
     */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private DatabaseMigrations() {}

    /** How long to wait for another migrator ({@code MIGRATION_LOCK_WAIT_SECONDS}); a wrong value stops start-up. */
    public static int lockWaitSeconds(Settings settings) {
        return settings.seconds(MigrationLock.VARIABLE, MigrationLock.DEFAULT_SECONDS);
    }

    /**
     * Brings the schema up to date; does nothing when every changeset has run already.
     *
     * @param lockWaitSeconds how long to wait for another migrator, see {@link #lockWaitSeconds}
     */
    public static void update(Connection connection, int lockWaitSeconds) throws LiquibaseException, SQLException {
        long start = System.nanoTime();
        List<String> applied = new ArrayList<>();
        Level liquibaseLevel = LIQUIBASE_LOG.getLevel();
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        try {
            migrate(connection, lockWaitSeconds, liquibase -> {
                liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                        .map(ChangeSet::getId)
                        .forEach(applied::add);
                inLogOnlyScope(() -> liquibase.update(new Contexts(), new LabelExpression()));
            });
        } finally {
            LIQUIBASE_LOG.setLevel(liquibaseLevel);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> applied.isEmpty()
                ? "Database schema up to date, nothing to apply (" + millis + " ms)"
                : "Database schema up to date: applied " + applied.size() + " changesets in " + millis + " ms: "
                        + String.join(", ", applied));
    }

    /**
     * Runs Liquibase with its messages to users ("Database is up to date", the update summary table)
     * sent to its log, which {@link #update} keeps at WARNING, instead of printed to standard out.
     */
    private static void inLogOnlyScope(Scope.ScopedRunner<?> step) throws LiquibaseException {
        try {
            Scope.child(
                    Map.of(
                            Scope.Attr.ui.name(),
                            new LoggerUIService(),
                            // the summary table too (it is written to standard out, not through the UI)
                            "liquibase.command.showSummaryOutput",
                            "LOG"),
                    step);
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    /**
     * Runs {@code migration} under the {@link MigrationLock}. Holding it, this process is the only
     * migrator, so a Liquibase lock row still set can only be left by a migrator that was killed
     * (its session lock died with it): it is released, with a warning, instead of blocking start-up.
     */
    public static void migrate(Connection connection, int lockWaitSeconds, Migration migration)
            throws LiquibaseException, SQLException {
        try (MigrationLock lock = MigrationLock.acquire(connection, lockWaitSeconds)) {
            // not closed here: closing Liquibase closes the connection, which the caller owns, and
            // the lock must be released on it first (a pooled connection outlives this method)
            Liquibase liquibase = open(connection);
            LockService lockRow = LockServiceFactory.getInstance().getLockService(liquibase.getDatabase());
            for (DatabaseChangeLogLock left : lockRow.listLocks()) {
                LOG.warning(() -> "Releasing the Liquibase lock left by a migration that did not finish (locked by "
                        + left.getLockedBy() + " at " + left.getLockGranted().toInstant() + ")");
                lockRow.forceReleaseLock();
            }
            migration.run(liquibase);
        }
    }

    /** Work on the schema through Liquibase. */
    @FunctionalInterface
    public interface Migration {
        void run(Liquibase liquibase) throws LiquibaseException;
    }

    /** The changelog in a Liquibase session over {@code connection}; the caller closes it. */
    public static Liquibase open(Connection connection) throws LiquibaseException {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase(
                CHANGELOG, new ClassLoaderResourceAccessor(DatabaseMigrations.class.getClassLoader()), database);
    }
}
