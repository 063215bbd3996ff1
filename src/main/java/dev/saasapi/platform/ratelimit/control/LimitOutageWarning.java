package dev.saasapi.platform.ratelimit.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one warning a minute that limits are not enforced because their state cannot be read: during a
 * database outage every request would otherwise log it.
 */
@ApplicationScoped
public class LimitOutageWarning {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong last = new AtomicLong(System.nanoTime() - EVERY_NANOS);

    /** @param what the policy whose check failed */
    public void notEnforced(String what, RuntimeException e) {
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= EVERY_NANOS && last.compareAndSet(before, now)) {
            LOG.warning(() -> "Rate limits are not enforced: their state cannot be read (" + what + "): "
                    + (e.getCause() != null ? e.getCause() : e) + "; requests go on; said once a minute");
        }
        LOG.log(Level.FINE, "rate limit check failed", e);
    }
}
