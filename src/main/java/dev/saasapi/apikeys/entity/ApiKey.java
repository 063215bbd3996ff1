package dev.saasapi.apikeys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** An organization's API key: its hash, never the key. */
@Entity
@Table(name = "api_keys")
@NamedQuery(
        name = ApiKey.OF_ORGANIZATION,
        query = "SELECT k FROM ApiKey k WHERE k.organizationId = :organization ORDER BY k.createdAt DESC, k.id")
@NamedQuery(
        name = ApiKey.COUNT_OF_ORGANIZATION,
        query = "SELECT count(k) FROM ApiKey k WHERE k.organizationId = :organization")
@NamedQuery(
        name = ApiKey.CREATED_BY,
        query = "SELECT k FROM ApiKey k WHERE k.organizationId = :organization AND k.createdBy = :user ORDER BY k.id")
public class ApiKey {

    public static final String OF_ORGANIZATION = "ApiKey.ofOrganization";
    public static final String COUNT_OF_ORGANIZATION = "ApiKey.countOfOrganization";
    public static final String CREATED_BY = "ApiKey.createdBy";
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(nullable = false, length = 16, updatable = false)
    private String prefix;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private OffsetDateTime lastUsedAt;

    protected ApiKey() {}

    public ApiKey(
            UUID organizationId,
            String name,
            String role,
            String prefix,
            String keyHash,
            UUID createdBy,
            OffsetDateTime expiresAt) {
        this.id = UUID.randomUUID();
        this.organizationId = Objects.requireNonNull(organizationId);
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.prefix = Objects.requireNonNull(prefix);
        this.keyHash = Objects.requireNonNull(keyHash);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now();
        this.expiresAt = expiresAt == null ? null : expiresAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    public String prefix() {
        return prefix;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    /** In microseconds, as PostgreSQL keeps them: the answer at creation equals every later read. */
    private static OffsetDateTime now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
