package dev.saasapi.sessions.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Deletes expired sessions (and their refresh tokens) at start-up and then every hour, so that the
 * rows of users who never log in again do not pile up. Each instance does it; the delete is idempotent.
 */
@ApplicationScoped
public class ExpiredSessionPurge {

    static final long PERIOD_MINUTES = 60;
    private static final Logger LOG = Logger.getLogger(ExpiredSessionPurge.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SessionLifecycle sessions;

    private ScheduledFuture<?> task;

    void schedule(@Observes @Initialized(ApplicationScoped.class) Object start) {
        task = scheduler.scheduleAtFixedRate(this::purge, 0, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    /** Whether the purge runs (from start-up on, every {@link #PERIOD_MINUTES} minutes). */
    boolean scheduled() {
        return task != null && !task.isDone();
    }

    @PreDestroy
    void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void purge() {
        try {
            int deleted = sessions.removeExpired();
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " expired session" + (deleted == 1 ? "" : "s"));
            }
        } catch (RuntimeException e) {
            // the database may be down; the next run tries again, and logins clear their own user's
            LOG.warning(() -> "Could not delete expired sessions; trying again in " + PERIOD_MINUTES + " minutes");
        }
    }
}
