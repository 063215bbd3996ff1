package dev.saasapi.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The token of a mailed link, stored as its SHA-256 only, with the address it was sent to: using it
 * proves the user reads that address, and nothing once the account has another.
 */
@Entity
@Table(name = "email_tokens")
public class EmailToken {

    @Id
    @Column(name = "token_hash", length = 43)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private TokenPurpose kind;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected EmailToken() {}

    public EmailToken(String tokenHash, UUID userId, TokenPurpose kind, String email, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.kind = kind;
        this.email = email;
        this.createdAt = utc(now);
        this.expiresAt = utc(expiresAt);
    }

    public UUID userId() {
        return userId;
    }

    public TokenPurpose kind() {
        return kind;
    }

    public String email() {
        return email;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
