package dev.saasapi.accounts.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.annotations.CacheCoordinationType;

/**
 * An account. Its id is fixed at creation and is what access tokens name, so a token survives an
 * email change. Emails are unique case-insensitively (a unique index on {@code lower(email)}).
 */
@Entity
@Table(name = "users")
// Read by id on every protected request: served from the shared cache. A query that goes to the
// database (a login by email, a lock) always takes the row it read, so only the id lookup can see a copy,
// and a commit anywhere in the cluster drops every other instance's copy (EntityCaches).
@Cacheable
@Cache(alwaysRefresh = true, coordinationType = CacheCoordinationType.INVALIDATE_CHANGED_OBJECTS)
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE LOWER(u.email) = LOWER(:email)")
// no version bump: a new hash of the same password is no change a concurrent PATCH should trip over
@NamedQuery(
        name = User.REPLACE_PASSWORD_HASH,
        query = "UPDATE User u SET u.passwordHash = :replacement WHERE u.id = :id AND u.passwordHash = :expected")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String REPLACE_PASSWORD_HASH = "User.replacePasswordHash";

    @Id
    private UUID id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    /** Whether the account proved it reads mail at {@link #email}; a new email is unverified again. */
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    /** When the email last became another address; null if it never did. */
    @Column(name = "email_changed_at")
    private OffsetDateTime emailChangedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Access tokens issued before this instant are refused, and sessions last used before it are over. */
    @Column(name = "tokens_valid_after")
    private OffsetDateTime tokensValidAfter;

    @Version
    private long version;

    protected User() {}

    public User(String email, String passwordHash) {
        this.id = UUID.randomUUID();
        this.email = requireEmail(email);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.active = true;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /**
     * A new address is unverified; the same address in other capitals stays as verified as it was.
     *
     * @return when the email last became another address before this change; null if never
     */
    public OffsetDateTime changeEmail(String email) {
        OffsetDateTime previousChange = emailChangedAt;
        OffsetDateTime now = now();
        if (!hasEmail(email)) {
            this.emailVerified = false;
            this.emailChangedAt = now;
        }
        this.email = requireEmail(email);
        this.updatedAt = now;
        return previousChange;
    }

    /** The account read a mail sent to {@code sentTo}; nothing changes if its email is another one by now. */
    public boolean verifyEmail(String sentTo) {
        if (!hasEmail(sentTo)) {
            return false;
        }
        if (!emailVerified) {
            this.emailVerified = true;
            this.updatedAt = now();
        }
        return true;
    }

    /**
     * A new password hash; every access token and session issued so far stops working.
     *
     * @return the instant of the revocation (see {@link #revokeTokens})
     */
    public Instant changePassword(String passwordHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        return revokeTokens(now);
    }

    /**
     * Every access token and session issued so far stops working at once. The instant recorded is
     * {@code now}, unless tokens issued since the previous revocation carry an {@code iat} rounded up
     * past {@code now} (see {@link #tokensIssuableFrom()}): then it is just after that {@code iat}, so
     * that they are refused too. It never moves back.
     *
     * @return the instant recorded: sessions and tokens from then on are valid
     */
    public Instant revokeTokens(Instant now) {
        Instant revoked = utc(now).toInstant();
        if (tokensValidAfter != null) {
            Instant afterLastIssued = tokensIssuableFrom().plus(1, ChronoUnit.MICROS);
            if (afterLastIssued.isAfter(revoked)) {
                revoked = afterLastIssued;
            }
        }
        this.tokensValidAfter = utc(revoked);
        this.updatedAt = utc(now);
        return revoked;
    }

    /**
     * Turns the account off: refused at login, at refresh and on every request from now on. Every
     * token issued so far is revoked, so turning it back on brings none of them back.
     */
    public void deactivate(Instant now) {
        this.active = false;
        revokeTokens(now);
    }

    /** Turns the account back on: its owner logs in again. */
    public void activate(Instant now) {
        this.active = true;
        this.updatedAt = utc(now);
    }

    /**
     * {@code now}, or the last revocation if that is later: what a session started or refreshed now
     * records, so that a revocation stamped by an instance whose clock runs ahead does not end it.
     */
    public Instant notBeforeRevocation(Instant now) {
        return tokensValidAfter == null || !tokensValidAfter.toInstant().isAfter(now)
                ? now
                : tokensValidAfter.toInstant();
    }

    /** Whether the account is active and still accepts an access token with this {@code iat}. */
    public boolean acceptsToken(long issuedAtSecond) {
        return active && acceptsTokenIssuedAt(issuedAtSecond);
    }

    /**
     * Whether an access token with this {@code iat} (whole seconds, as JWTs carry it) is still valid.
     * Tokens are never issued before {@link #tokensIssuableFrom()}, the revocation rounded up to the next
     * second, so a token from the same second as a revocation is refused only if it came before it.
     */
    public boolean acceptsTokenIssuedAt(long issuedAtSecond) {
        return issuedAtSecond >= tokensIssuableFrom().getEpochSecond();
    }

    /** The earliest {@code iat} a new token may carry: the last revocation, rounded up to a whole second. */
    public Instant tokensIssuableFrom() {
        if (tokensValidAfter == null) {
            return Instant.EPOCH;
        }
        Instant revoked = tokensValidAfter.toInstant();
        Instant second = revoked.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(revoked) ? second : second.plusSeconds(1);
    }

    /** Whether a session whose refresh token was issued at this instant survived the last revocation. */
    public boolean acceptsSessionUsedAt(OffsetDateTime lastUsedAt) {
        return tokensValidAfter == null || !lastUsedAt.isBefore(tokensValidAfter);
    }

    /** Whether the password is still the one whose hash a request verified before this write. */
    public boolean hasPasswordHash(String verifiedHash) {
        return passwordHash.equals(verifiedHash);
    }

    public boolean hasEmail(String email) {
        return this.email.equalsIgnoreCase(email);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    private static String requireEmail(String email) {
        if (email == null || email.isBlank() || !email.equals(email.strip())) {
            throw new IllegalArgumentException("email must be non-blank and trimmed");
        }
        return email;
    }

    private static OffsetDateTime now() {
        return utc(Instant.now());
    }

    /** PostgreSQL keeps microseconds; truncating here makes the value returned at creation equal the stored one. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
