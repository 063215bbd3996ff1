package dev.saasapi.audit.boundary;

import dev.saasapi.audit.control.AuditSettings;
import dev.saasapi.audit.control.AuditStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Deletes audit events older than {@code AUDIT_RETENTION_DAYS}, a few minutes after start-up and then
 * daily. One instance at a time: each batch takes a transaction-scoped advisory lock, and an instance
 * that does not get it leaves the work to the one that has it.
 */
@ApplicationScoped
public class AuditRetention {

    static final long FIRST_MINUTES = 5;
    static final long PERIOD_HOURS = 24;
    static final int BATCH = 10_000;
    /** The advisory lock of the purge, the same number on every instance. */
    static final long LOCK = 0x5AA5_A0D1_7000_0001L;

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditSettings settings;

    @Inject
    AuditStore store;

    @Inject
    AuditRetention self;

    private ScheduledFuture<?> task;

    void schedule(@Observes @Initialized(ApplicationScoped.class) Object start) {
        task = scheduler.scheduleAtFixedRate(
                this::purge,
                TimeUnit.MINUTES.toSeconds(FIRST_MINUTES),
                TimeUnit.HOURS.toSeconds(PERIOD_HOURS),
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** @return the number of events deleted (none when another instance is purging) */
    public long purge() {
        long deleted = 0;
        try {
            int batch;
            do {
                batch = self.removeBatch();
                deleted += Math.max(batch, 0);
            } while (batch == BATCH);
        } catch (RuntimeException e) {
            // the database may be down; tomorrow's run catches up
            LOG.warning(() -> "Could not delete old audit events; trying again in " + PERIOD_HOURS + " hours: " + e);
        }
        long total = deleted;
        if (total > 0) {
            LOG.info(() -> "Deleted " + total + " audit event" + (total == 1 ? "" : "s") + " older than "
                    + settings.retention().toDays() + " days");
        }
        return total;
    }

    /** One batch, under the advisory lock; -1 if another instance holds it. */
    @Transactional
    public int removeBatch() {
        if (!store.tryLockUntilCommit(LOCK)) {
            return -1;
        }
        return store.removeOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minus(settings.retention()), BATCH);
    }
}
