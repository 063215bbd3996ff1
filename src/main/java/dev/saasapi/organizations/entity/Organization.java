package dev.saasapi.organizations.entity;

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

/** A tenant: a named group of accounts, each a member with a role. */
@Entity
@Table(name = "organizations")
@NamedQuery(name = Organization.SLUGS_LIKE, query = "SELECT o.slug FROM Organization o WHERE o.slug LIKE :prefix")
@NamedQuery(
        name = Organization.OWNED_BY,
        query = "SELECT o FROM Organization o WHERE o.id IN (SELECT m.organizationId FROM Membership m"
                + " WHERE m.userId = :user AND m.role = :owner) ORDER BY o.id")
public class Organization {

    public static final String SLUGS_LIKE = "Organization.slugsLike";
    public static final String OWNED_BY = "Organization.ownedBy";
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    private UUID id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = Slug.MAX_LENGTH)
    private String slug;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Organization() {}

    public Organization(String name, String slug) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name);
        this.slug = Objects.requireNonNull(slug);
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name);
        this.updatedAt = now();
    }

    public void changeSlug(String slug) {
        this.slug = Objects.requireNonNull(slug);
        this.updatedAt = now();
    }

    /** In microseconds, as PostgreSQL keeps them: the answer at creation equals every later read. */
    public static OffsetDateTime now() {
        return User.utc(Instant.now());
    }
}
