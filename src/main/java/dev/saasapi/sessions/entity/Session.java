package dev.saasapi.sessions.entity;

import static dev.saasapi.accounts.entity.User.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One login of one account, on one device: it lives as long as its chain of refresh tokens, at most
 * until {@code expiresAt}, fixed at login. Refreshing never extends it; a new login does not either,
 * it starts another session.
 */
@Entity
@Table(name = "sessions")
@NamedQuery(
        name = Session.ACTIVE_OF_USER,
        query = "SELECT s FROM Session s WHERE s.userId = :userId AND s.expiresAt > :now"
                + " ORDER BY s.lastUsedAt DESC, s.id")
@NamedQuery(
        name = Session.COUNT_ACTIVE_OF_USER,
        query = "SELECT count(s) FROM Session s WHERE s.userId = :userId AND s.expiresAt > :now")
@NamedQuery(name = Session.USER_OF, query = "SELECT s.userId FROM Session s WHERE s.id = :id")
@NamedQuery(name = Session.DELETE_OF_USER, query = "DELETE FROM Session s WHERE s.userId = :userId")
@NamedQuery(
        name = Session.DELETE_OTHERS_OF_USER,
        query = "DELETE FROM Session s WHERE s.userId = :userId AND s.id <> :keep")
@NamedQuery(name = Session.DELETE_EXPIRED, query = "DELETE FROM Session s WHERE s.expiresAt <= :now")
@NamedQuery(
        name = Session.DELETE_EXPIRED_OF_USER,
        query = "DELETE FROM Session s WHERE s.userId = :userId AND s.expiresAt <= :now")
public class Session {

    public static final String ACTIVE_OF_USER = "Session.activeOfUser";
    public static final String COUNT_ACTIVE_OF_USER = "Session.countActiveOfUser";
    public static final String USER_OF = "Session.userOf";
    public static final String DELETE_OF_USER = "Session.deleteOfUser";
    public static final String DELETE_OTHERS_OF_USER = "Session.deleteOthersOfUser";
    public static final String DELETE_EXPIRED = "Session.deleteExpired";
    public static final String DELETE_EXPIRED_OF_USER = "Session.deleteExpiredOfUser";
    public static final int MAX_USER_AGENT_LENGTH = 512;
    public static final int MAX_IP_ADDRESS_LENGTH = 64;

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** When the password was last proven in this session: at login, or by a password change. */
    @Column(name = "authenticated_at", nullable = false)
    private OffsetDateTime authenticatedAt;

    /** The last login or refresh: when the session's current refresh token was issued. */
    @Column(name = "last_used_at", nullable = false)
    private OffsetDateTime lastUsedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "user_agent", length = MAX_USER_AGENT_LENGTH, updatable = false)
    private String userAgent;

    @Column(name = "ip_address", length = MAX_IP_ADDRESS_LENGTH, updatable = false)
    private String ipAddress;

    protected Session() {}

    public Session(UUID userId, Instant now, Duration lifetime, String userAgent, String ipAddress) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId, "userId");
        this.createdAt = utc(now);
        this.authenticatedAt = createdAt;
        this.lastUsedAt = createdAt;
        this.expiresAt = utc(now.plus(lifetime));
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
    }

    public void used(Instant now) {
        lastUsedAt = utc(now);
    }

    public void reauthenticated(Instant now) {
        authenticatedAt = utc(now);
        lastUsedAt = authenticatedAt;
    }

    public boolean expired(Instant now) {
        return !expiresAt.toInstant().isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime authenticatedAt() {
        return authenticatedAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ipAddress() {
        return ipAddress;
    }
}
