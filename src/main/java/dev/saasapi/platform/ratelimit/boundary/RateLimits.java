package dev.saasapi.platform.ratelimit.boundary;

import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import dev.saasapi.platform.ratelimit.control.RateLimitedException;
import dev.saasapi.platform.ratelimit.control.RateLimiter;
import dev.saasapi.platform.secrets.control.SecretTokens;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What features ask of the rate limits: take one request of a policy from the client's address, or
 * refuse it with 429. Called before the request's transaction starts (see {@link RateLimiter}).
 */
@ApplicationScoped
public class RateLimits {

    static final long PURGE_MINUTES = 10;
    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    RateLimitSettings settings;

    @Inject
    RateLimiter limiter;

    @Inject
    ClientAddresses clients;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> purge;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        purge = scheduler.scheduleWithFixedDelay(this::removeExpired, 1, PURGE_MINUTES, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (purge != null) {
            purge.cancel(false);
        }
    }

    /**
     * @param variable the policy, one of the {@code RateLimitSettings.…_VARIABLE} constants
     * @throws RateLimitedException when the client's address has used up the policy's requests
     */
    public void requirePerAddress(String variable, HttpServletRequest request) {
        RateLimiter.Decision decision = limiter.take(settings.policy(variable), clients.of(request));
        if (!decision.allowed()) {
            refused(decision);
            throw new RateLimitedException(decision);
        }
    }

    private void refused(RateLimiter.Decision decision) {
        metrics.counter(
                        Metadata.builder()
                                .withName("rate_limit_refusals")
                                .withDescription("Requests refused by rate-limit policy (429, or dropped silently"
                                        + " where a 429 would tell whether an account exists)")
                                .build(),
                        new Tag("policy", decision.policy().name()))
                .inc();
    }

    /**
     * Takes one request of a policy whose client is not an address but something the request names
     * (an email): only a hash of it is stored. Refusing would tell whether the thing exists, so this
     * only answers whether to go on; the caller answers as if it had.
     *
     * @param variable the policy, one of the {@code RateLimitSettings.…_VARIABLE} constants
     * @return false when the subject has used up the policy's requests
     */
    public boolean allowSilently(String variable, String subject) {
        RateLimiter.Decision decision = limiter.take(settings.policy(variable), SecretTokens.hash(subject));
        if (!decision.allowed()) {
            refused(decision);
        }
        return decision.allowed();
    }

    private void removeExpired() {
        try {
            while (limiter.removeExpired(1000) == 1000) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not remove expired rate-limit buckets", e);
        }
    }
}
