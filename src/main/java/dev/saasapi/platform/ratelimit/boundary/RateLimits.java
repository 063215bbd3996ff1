package dev.saasapi.platform.ratelimit.boundary;

import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.ratelimit.control.FailureThrottle;
import dev.saasapi.platform.ratelimit.control.LimitOutageWarning;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import dev.saasapi.platform.ratelimit.control.RateLimitedException;
import dev.saasapi.platform.ratelimit.control.RateLimiter;
import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
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
    FailureThrottle throttle;

    @Inject
    LimitOutageWarning outage;

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
        RateLimiter.Decision decision =
                limiter.take(settings.policy(variable), RateLimiter.addressKey(clients.of(request)));
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
        RateLimiter.Decision decision = limiter.take(settings.policy(variable), RateLimiter.hashedSubject(subject));
        if (!decision.allowed()) {
            refused(decision);
        }
        return decision.allowed();
    }

    /**
     * Takes the next password check of an email, whether or not an account has it: after failed
     * logins in a row the email waits, doubling from 1 s up to {@code LOGIN_THROTTLE_MAX_SECONDS}.
     * Called before the password is hashed, outside any transaction.
     *
     * @throws RateLimitedException while the email waits
     */
    public LoginAttempt loginAttempt(String email) {
        long maxWait = settings.loginThrottleMaxSeconds();
        if (maxWait == 0) {
            return LoginAttempt.UNTHROTTLED;
        }
        String key = FailureThrottle.loginKey(email);
        FailureThrottle.Check check;
        try {
            check = throttle.attempt(key, maxWait);
        } catch (RuntimeException e) {
            outage.notEnforced(RateLimitSettings.LOGIN_ACCOUNT_POLICY, e);
            return LoginAttempt.UNTHROTTLED;
        }
        if (check.allowed()) {
            return new LoginAttempt(this, key, check.failedBefore(), maxWait);
        }
        if (check.firstRefusal()) {
            LOG.info(() -> "Logins for email #" + key.substring(key.indexOf(':') + 1, key.indexOf(':') + 13)
                    + " (SHA-256) are throttled: " + check.failures() + " failed in a row, next password check in "
                    + check.retryAfterSeconds() + " s");
        }
        // the window is the wait the last failure set, or the longer one another request's claim set
        RateLimitPolicy policy = new RateLimitPolicy(
                RateLimitSettings.LOGIN_ACCOUNT_POLICY,
                1,
                Duration.ofSeconds(
                        Math.max(FailureThrottle.waitAfter(check.failures(), maxWait), check.retryAfterSeconds())));
        RateLimiter.Decision decision = new RateLimiter.Decision(policy, false, 0, check.retryAfterSeconds());
        refused(decision);
        throw new RateLimitedException(decision, "Too many failed logins for this email");
    }

    /**
     * Forgets an email's failed logins, as a password change does: its owner is back in control. Like
     * every limit, fails open (a warning, no exception).
     */
    public void forgetLoginFailures(String email) {
        tryOrWarn(() -> throttle.forget(FailureThrottle.loginKey(email)));
    }

    /** One password check taken by {@link #loginAttempt}: tell it how it went. */
    public static final class LoginAttempt {

        static final LoginAttempt UNTHROTTLED = new LoginAttempt(null, null, false, 0);

        private final RateLimits limits;
        private final String key;
        private final boolean failedBefore;
        private final long maxWait;

        private LoginAttempt(RateLimits limits, String key, boolean failedBefore, long maxWait) {
            this.limits = limits;
            this.key = key;
            this.failedBefore = failedBefore;
            this.maxWait = maxWait;
        }

        /** A wrong password or an unknown email: the email waits twice as long as after the last failure. */
        public void failed() {
            if (key != null) {
                limits.tryOrWarn(() -> limits.throttle.failed(key, maxWait));
            }
        }

        /** The password was right: the failures before it are forgotten. */
        public void succeeded() {
            if (key != null && failedBefore) {
                limits.tryOrWarn(() -> limits.throttle.forget(key));
            }
        }
    }

    private void tryOrWarn(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            outage.notEnforced(RateLimitSettings.LOGIN_ACCOUNT_POLICY, e);
        }
    }

    /** Whether the purge of expired state runs (every {@value #PURGE_MINUTES} minutes from start-up). */
    boolean scheduled() {
        return purge != null && !purge.isDone();
    }

    /** Deletes buckets that are full again and the failures of subjects quiet for a day. */
    void removeExpired() {
        try {
            while (limiter.removeExpired(1000) == 1000) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not remove expired rate-limit buckets", e);
        }
        try {
            throttle.removeForgotten();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not remove forgotten login failures", e);
        }
    }
}
