package dev.saasapi.sessions.entity;

import dev.saasapi.accounts.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token a session was given, known only by its hash. Each is used once: refreshing marks it
 * rotated and gives the session a new one. The rotated ones are kept as long as their session, so that
 * one presented again is recognised as a replay and ends the session.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(
        name = RefreshToken.ROTATE,
        query = "UPDATE RefreshToken t SET t.rotatedAt = :now WHERE t.tokenHash = :hash AND t.rotatedAt IS NULL")
@NamedQuery(name = RefreshToken.DELETE_OF_SESSION, query = "DELETE FROM RefreshToken t WHERE t.sessionId = :sessionId")
public class RefreshToken {

    public static final String ROTATE = "RefreshToken.rotate";
    public static final String DELETE_OF_SESSION = "RefreshToken.deleteOfSession";

    @Id
    @Column(name = "token_hash", length = 43)
    private String tokenHash;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "rotated_at")
    private OffsetDateTime rotatedAt;

    protected RefreshToken() {}

    public RefreshToken(String tokenHash, UUID sessionId, Instant now) {
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.createdAt = User.utc(now);
    }

    public UUID sessionId() {
        return sessionId;
    }

    public boolean rotated() {
        return rotatedAt != null;
    }
}
