package dev.saasapi.platform.mail.boundary;

import dev.saasapi.platform.mail.control.SmtpTransport;
import dev.saasapi.platform.mail.entity.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Sends the mails that are due, a batch per transaction. The batch's rows stay locked while they are
 * sent, and rows another instance holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so several
 * instances share the outbox and each mail goes out once; a crash between the send and the commit
 * sends it again, with the same Message-ID.
 */
@ApplicationScoped
public class MailDelivery {

    public static final int BATCH_SIZE = 20;
    /** Retries wait twice as long each time, up to this. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** A mail not delivered within this is given up, with a log line. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** Sent and given-up mails (without their text) are kept this long to answer "was it sent?". */
    public static final Duration KEEP_FINISHED = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");

    private final Clock clock = Clock.systemUTC();

    @PersistenceContext
    EntityManager em;

    @Inject
    SmtpTransport smtp;

    @Inject
    @Metric(name = "mail_sent", absolute = true, description = "Mails the SMTP server accepted")
    Counter sent;

    @Inject
    @Metric(
            name = "mail_failed",
            absolute = true,
            description = "Mails given up: refused by the SMTP server for good, or not delivered within 24 hours")
    Counter failed;

    @Inject
    @Metric(
            name = "mail_delivery_errors",
            absolute = true,
            description = "Failed delivery attempts (the SMTP server down, unreachable or refusing); each is retried")
    Counter errors;

    /**
     * Sends up to {@link #BATCH_SIZE} due mails.
     *
     * @return how many were due, or 0 when the server failed: {@link #BATCH_SIZE} means there may be more
     */
    @Transactional
    public int deliverDue() {
        @SuppressWarnings("unchecked")
        List<OutgoingMail> due = em.createNativeQuery(
                        "SELECT * FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?"
                                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
                        OutgoingMail.class)
                .setParameter(1, java.sql.Timestamp.from(clock.instant()))
                .setParameter(2, BATCH_SIZE)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        try (SmtpTransport.Connection connection = smtp.connect()) {
            for (int i = 0; i < due.size(); i++) {
                OutgoingMail mail = due.get(i);
                MimeMessage message;
                try {
                    message = smtp.message(mail);
                } catch (MessagingException e) {
                    attemptFailed(mail, e, true); // an address SMTP cannot carry: never sendable
                    continue;
                }
                try {
                    connection.send(message);
                    mail.sent(clock.instant());
                    sent.inc();
                } catch (SendFailedException e) {
                    // this mail only: its recipient was refused
                    attemptFailed(mail, e, SmtpTransport.recipientRefused(e));
                    if (!connection.open()) {
                        serverFailed(due.subList(i + 1, due.size()), e);
                        return 0;
                    }
                } catch (MessagingException | RuntimeException e) {
                    // the connection broke (Angus throws IllegalStateException on a closed one): this
                    // mail and the rest of the batch wait, and this run ends
                    serverFailed(due.subList(i, due.size()), e);
                    return 0;
                }
            }
        } catch (MessagingException e) {
            serverFailed(due, e);
            return 0;
        }
        return due.size();
    }

    /** Deletes sent and given-up mails older than {@link #KEEP_FINISHED}. */
    @Transactional
    public int removeFinished() {
        return em.createNativeQuery(
                        "DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL OR failed_at IS NOT NULL) AND created_at < ?")
                .setParameter(1, java.sql.Timestamp.from(clock.instant().minus(KEEP_FINISHED)))
                .executeUpdate();
    }

    /**
     * Mails not yet sent nor given up. In a transaction like every other use of the outbox: outside one,
     * the container hands a periodic task's runs one entity manager and closes it after the first.
     */
    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL")
                        .getSingleResult())
                .longValue();
    }

    private void attemptFailed(OutgoingMail mail, MessagingException e, boolean permanent) {
        errors.inc();
        Instant now = clock.instant();
        String error = describe(e);
        if (mail.failed(error, now, MAX_BACKOFF, permanent ? Duration.ZERO : GIVE_UP_AFTER)) {
            gaveUp(mail, error);
        } else {
            LOG.info(() ->
                    "Could not send mail " + mail.id() + ", trying again at " + mail.nextAttemptAt() + ": " + error);
        }
    }

    /** The server could not be reached or broke off: an attempt for each mail, one log line for all. */
    private void serverFailed(List<OutgoingMail> mails, Exception e) {
        if (mails.isEmpty()) {
            return;
        }
        String error = describe(e);
        Instant now = clock.instant();
        for (OutgoingMail mail : mails) {
            errors.inc();
            if (mail.failed(error, now, MAX_BACKOFF, GIVE_UP_AFTER)) {
                gaveUp(mail, error);
            }
        }
        LOG.info(() -> "Could not send " + mails.size() + (mails.size() == 1 ? " mail" : " mails")
                + "; trying again with a growing wait (up to " + MAX_BACKOFF.toMinutes() + " min): " + error);
    }

    private void gaveUp(OutgoingMail mail, String error) {
        failed.inc();
        LOG.warning(() -> "Gave up mail " + mail.id() + " (\"" + mail.subject() + "\") after " + mail.attempts()
                + (mail.attempts() == 1 ? " attempt: " : " attempts: ") + error);
    }

    /**
     * The error in one line, with its cause (Angus wraps "connection refused" in "could not connect"),
     * without the addresses an SMTP reply may quote.
     */
    static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(": ").append(cause.getMessage());
        }
        return ADDRESS.matcher(text.toString().replaceAll("\\s+", " ").strip()).replaceAll("[address]");
    }
}
