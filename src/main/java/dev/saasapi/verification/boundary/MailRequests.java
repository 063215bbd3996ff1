package dev.saasapi.verification.boundary;

import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.http.control.RequestIds;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Requests for a mail by address (a reset link, a new verification link): limited per client address
 * (429) and per email (silently), then handled after the answer,
 * 50 to 250 ms later: the 202 takes the same time whether the address has an account or not.
 * At most {@link #MAX_WAITING} wait at once; beyond that a flood is dropped, as silently as the answer.
 */
@ApplicationScoped
public class MailRequests {

    static final int MAX_WAITING = 200;
    static final int MIN_DELAY_MILLIS = 50;
    static final int MAX_DELAY_MILLIS = 250;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final Logger LOG = Logger.getLogger(MailRequests.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ClientAddresses addresses;

    @Inject
    AccountMailer mailer;

    @Inject
    RateLimits limits;

    @Inject
    @Metric(
            name = "mail_requests_dropped",
            absolute = true,
            description = "Reset and verification requests dropped because too many were waiting")
    Counter dropped;

    private final Semaphore waiting = new Semaphore(MAX_WAITING);

    /** @throws dev.saasapi.platform.ratelimit.control.RateLimitedException over the per-address limit */
    public void passwordReset(String email, HttpServletRequest client) {
        // captured now: the request is over when the reset is asked for
        SecurityEvent.Client requester =
                new SecurityEvent.Client(addresses.of(client), client.getHeader("User-Agent"), RequestIds.current());
        submit("password reset", email, client, () -> mailer.requestPasswordReset(email, requester));
    }

    /** @throws dev.saasapi.platform.ratelimit.control.RateLimitedException over the per-address limit */
    public void verification(String email, HttpServletRequest client) {
        submit("verification mail", email, client, () -> mailer.requestVerification(email));
    }

    private void submit(String what, String email, HttpServletRequest client, Runnable request) {
        limits.requirePerAddress(RateLimitSettings.MAIL_VARIABLE, client);
        // over the per-email limit the answer stays the same: a 429 would tell that someone asks for it
        if (!limits.allowSilently(RateLimitSettings.MAIL_PER_EMAIL_VARIABLE, email.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (!waiting.tryAcquire()) {
            dropped.inc();
            return;
        }
        try {
            // started after the answer has gone, at a random moment: the work a known address causes
            // never competes with its own answer for the CPU, so the answer's time tells nothing
            long delayMillis = MIN_DELAY_MILLIS + RANDOM.nextInt(MAX_DELAY_MILLIS - MIN_DELAY_MILLIS);
            executor.schedule(
                    () -> {
                        try {
                            request.run();
                        } catch (RuntimeException e) {
                            // the address is not logged: it may be anyone's, typed by a stranger
                            LOG.log(Level.FINE, what + " request failed", e);
                            LOG.warning(() -> "A " + what + " request failed: " + e);
                        } finally {
                            waiting.release();
                        }
                    },
                    delayMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiting.release();
            dropped.inc();
        }
    }
}
