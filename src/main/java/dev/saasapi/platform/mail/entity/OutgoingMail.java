package dev.saasapi.platform.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A row of the outbox: a mail from the transaction that caused it until it is sent or given up. The
 * text, which may hold a live token, is cleared then; the rest stays a while to answer "was it sent?".
 */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail {

    /** Errors are cut to the column's size. */
    static final int MAX_ERROR_LENGTH = 500;

    @Id
    private UUID id;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(name = "body_text")
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "failed_at")
    private OffsetDateTime failedAt;

    protected OutgoingMail() {}

    public OutgoingMail(Mail mail, Instant now) {
        this.id = UUID.randomUUID();
        this.recipient = mail.recipient();
        this.subject = mail.subject();
        this.text = mail.text();
        this.createdAt = utc(now);
        this.nextAttemptAt = createdAt;
    }

    public void sent(Instant now) {
        this.sentAt = utc(now);
        this.attempts++;
        this.text = null;
        this.lastError = null;
    }

    /**
     * A failed attempt: tried again after a wait that doubles from a second up to {@code maxBackoff},
     * or given up (and its text cleared) once the mail is older than {@code giveUpAfter}.
     *
     * @return whether it was given up
     */
    public boolean failed(String error, Instant now, Duration maxBackoff, Duration giveUpAfter) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
        if (!now.isBefore(createdAt.toInstant().plus(giveUpAfter))) {
            this.failedAt = utc(now);
            this.text = null;
            return true;
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 30));
        this.nextAttemptAt = utc(now.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff));
        return false;
    }

    public UUID id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
