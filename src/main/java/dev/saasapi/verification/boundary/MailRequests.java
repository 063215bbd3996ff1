package dev.saasapi.verification.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Requests for a mail by address (a reset link, a new verification link) are handled after the answer:
 * the 202 takes the same time whether the address has an account or not, so timing tells nothing.
 * At most {@link #MAX_WAITING} wait at once; beyond that a flood is dropped, as silently as the answer.
 */
@ApplicationScoped
public class MailRequests {

    static final int MAX_WAITING = 200;
    private static final Logger LOG = Logger.getLogger(MailRequests.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    AccountMailer mailer;

    @Inject
    @Metric(
            name = "mail_requests_dropped",
            absolute = true,
            description = "Reset and verification requests dropped because too many were waiting")
    Counter dropped;

    private final Semaphore waiting = new Semaphore(MAX_WAITING);

    public void passwordReset(String email) {
        submit("password reset", () -> mailer.requestPasswordReset(email));
    }

    public void verification(String email) {
        submit("verification mail", () -> mailer.requestVerification(email));
    }

    private void submit(String what, Runnable request) {
        if (!waiting.tryAcquire()) {
            dropped.inc();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    request.run();
                } catch (RuntimeException e) {
                    // the address is not logged: it may be anyone's, typed by a stranger
                    LOG.log(Level.FINE, what + " request failed", e);
                    LOG.warning(() -> "A " + what + " request failed: " + e);
                } finally {
                    waiting.release();
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.release();
            dropped.inc();
        }
    }
}
