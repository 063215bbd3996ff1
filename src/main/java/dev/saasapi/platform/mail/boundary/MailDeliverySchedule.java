package dev.saasapi.platform.mail.boundary;

import dev.saasapi.platform.mail.control.MailSettings;
import dev.saasapi.platform.mail.entity.MailQueued;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * When the outbox is worked off: right after a transaction that queued a mail commits, and every few
 * seconds for retries and for mails another instance queued (or left behind when it stopped). One run
 * at a time per instance; instances share the work through row locks.
 */
@ApplicationScoped
public class MailDeliverySchedule {

    static final long POLL_SECONDS = 5;
    static final long PURGE_MINUTES = 60;
    private static final Logger LOG = Logger.getLogger(MailDeliverySchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailSettings settings;

    @Inject
    MailDelivery delivery;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private volatile long pending;
    private volatile boolean stopping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started, MetricRegistry metrics) {
        metrics.gauge(
                Metadata.builder()
                        .withName("mail_pending")
                        .withDescription(
                                "Mails in the outbox not yet sent nor given up (all instances), as of this instance's"
                                        + " last look at the outbox (every " + POLL_SECONDS + " s)")
                        .build(),
                this,
                schedule -> schedule.pending);
        if (settings.smtp().isEmpty()) {
            return;
        }
        LOG.info(() -> "Sending mail through " + settings.smtp().get());
        tasks.add(scheduler.scheduleWithFixedDelay(this::deliver, 1, POLL_SECONDS, TimeUnit.SECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(this::removeFinished, 1, PURGE_MINUTES, TimeUnit.MINUTES));
    }

    /** After the commit only: a rolled-back change has no mail, and the row is visible to the run. */
    void deliverSoon(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        requested.set(true);
        if (!running.get() && !stopping) {
            scheduler.execute(this::deliver);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        tasks.forEach(task -> task.cancel(false));
    }

    /** Sends batches until none is due. */
    void deliver() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        boolean completed = false;
        try {
            requested.set(false);
            while (delivery.deliverDue() == MailDelivery.BATCH_SIZE) {
                // a full batch: there may be more
            }
            // counted here, not when metrics are read: a scrape must not wait for a database connection
            pending = delivery.pending();
            completed = true;
        } catch (RuntimeException | LinkageError e) {
            // the database may be down; the next poll tries again (an escaping error would end the polling)
            LOG.log(Level.FINE, "mail delivery run failed", e);
            LOG.warning(() -> "Could not work off the mail outbox; trying again in " + POLL_SECONDS + " s: " + e);
        } finally {
            running.set(false);
        }
        // a mail queued while this run was past its last look goes out now, not at the next poll
        if (completed && requested.get() && !stopping) {
            scheduler.execute(this::deliver);
        }
    }

    private void removeFinished() {
        try {
            delivery.removeFinished();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not remove finished mails", e);
        }
    }
}
