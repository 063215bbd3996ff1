package dev.saasapi.organizations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation of an email to an organization with a role. Its token is mailed and stored only as a
 * hash; it works once, until it expires or is revoked.
 */
@Entity
@Table(name = "invitations")
@NamedQuery(
        name = Invitation.PENDING_FOR,
        query = "SELECT i FROM Invitation i WHERE i.organizationId = :organization"
                + " AND LOWER(i.email) = LOWER(:email) AND i.acceptedAt IS NULL AND i.revokedAt IS NULL ORDER BY i.id")
@NamedQuery(
        name = Invitation.BY_TOKEN_HASH,
        query = "SELECT i.organizationId, i.id FROM Invitation i WHERE i.tokenHash = :hash")
@NamedQuery(
        name = Invitation.OF_ORGANIZATION,
        query = "SELECT i FROM Invitation i WHERE i.organizationId = :organization AND" + Invitation.HAS_STATUS
                + " ORDER BY i.createdAt DESC, i.id")
@NamedQuery(
        name = Invitation.COUNT_OF_ORGANIZATION,
        query = "SELECT count(i) FROM Invitation i WHERE i.organizationId = :organization AND" + Invitation.HAS_STATUS)
public class Invitation {

    public static final String PENDING_FOR = "Invitation.pendingFor";
    public static final String BY_TOKEN_HASH = "Invitation.byTokenHash";
    public static final String OF_ORGANIZATION = "Invitation.ofOrganization";
    public static final String COUNT_OF_ORGANIZATION = "Invitation.countOfOrganization";

    /** {@code :status} is {@link #ALL} or the invitation's {@link #status()}, as of {@code :now}. */
    static final String HAS_STATUS = " (:status = 'all'"
            + " OR (:status = 'accepted' AND i.acceptedAt IS NOT NULL)"
            + " OR (:status = 'revoked' AND i.revokedAt IS NOT NULL AND i.acceptedAt IS NULL)"
            + " OR (:status = 'expired' AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt <= :now)"
            + " OR (:status = 'pending' AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > :now))";

    /** How a list names the invitations of every status. */
    public static final String ALL = "all";

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Convert(converter = MemberRoleConverter.class)
    @Column(nullable = false, updatable = false, length = 16)
    private MemberRole role;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 43)
    private String tokenHash;

    @Column(name = "invited_by", updatable = false)
    private UUID invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected Invitation() {}

    public Invitation(
            UUID organizationId, String email, MemberRole role, String tokenHash, UUID invitedBy, Duration ttl) {
        this.id = UUID.randomUUID();
        this.organizationId = Objects.requireNonNull(organizationId);
        this.email = Objects.requireNonNull(email);
        this.role = Objects.requireNonNull(role);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.invitedBy = invitedBy;
        this.createdAt = Organization.now();
        this.expiresAt = createdAt.plus(ttl);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String email() {
        return email;
    }

    public MemberRole role() {
        return role;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** {@code pending}, {@code accepted}, {@code revoked} or {@code expired}. */
    public String status() {
        if (acceptedAt != null) {
            return "accepted";
        }
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt.isAfter(Organization.now()) ? "pending" : "expired";
    }

    public boolean pending() {
        return status().equals("pending");
    }

    public void accept() {
        this.acceptedAt = Organization.now();
    }

    /** @return whether it was pending (an invitation no longer pending stays as it is) */
    public boolean revoke() {
        if (pending()) {
            this.revokedAt = Organization.now();
            return true;
        }
        return false;
    }
}
