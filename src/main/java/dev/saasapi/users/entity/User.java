package dev.saasapi.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. Its id is fixed at creation and is what access tokens name, so a token survives an
 * email change. Emails are unique case-insensitively (a unique index on {@code lower(email)}).
 */
@Entity
@Table(name = "users")
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

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

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

    public void changeEmail(String email) {
        this.email = requireEmail(email);
        this.updatedAt = now();
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

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    private static String requireEmail(String email) {
        if (email == null || email.isBlank() || !email.equals(email.strip())) {
            throw new IllegalArgumentException("email must be non-blank and trimmed");
        }
        return email;
    }

    /** PostgreSQL keeps microseconds; truncating here makes the value returned at creation equal the stored one. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
