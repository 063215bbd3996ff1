package dev.saasapi.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Events older than AUDIT_RETENTION_DAYS (365 in the suite) go; one instance purges at a time. */
class AuditRetentionIT extends InContainerIT {

    @Inject
    AuditRetention retention;

    @Resource
    ManagedExecutorService executor;

    @Test
    void deletesOnlyEventsOlderThanTheRetentionAndWaitsForNoOtherPurge() throws Exception {
        UUID account = UUID.randomUUID();
        insert(account, "366 days");
        insert(account, "364 days");

        try (Connection other = database().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AuditRetention.LOCK);
                lock.executeQuery().close();
            }
            // on another thread: the container would share this thread's connection with the purge
            long purged =
                    CompletableFuture.supplyAsync(retention::purge, executor).get(30, TimeUnit.SECONDS);
            assertEquals(0, purged, "another instance is purging: this one leaves it the work");
            assertEquals(2, count("SELECT count(*) FROM audit_events WHERE account_id = ?", account));
            other.rollback();
        }

        assertTrue(retention.purge() >= 1);
        assertEquals(
                1,
                count("SELECT count(*) FROM audit_events WHERE account_id = ?", account),
                "the event of 364 days ago stays");
    }

    private static void insert(UUID account, String age) throws Exception {
        try (Connection connection = database().getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO audit_events (occurred_at,"
                        + " actor_type, account_id, action, outcome, details) VALUES (now() - ?::interval,"
                        + " 'anonymous', ?, 'login.failed', 'failure', '{}')")) {
            statement.setString(1, age);
            statement.setObject(2, account);
            statement.executeUpdate();
        }
    }

    private static DataSource database() throws Exception {
        return InitialContext.doLookup(ApplicationDataSource.JNDI_NAME);
    }
}
