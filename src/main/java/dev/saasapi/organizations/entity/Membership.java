package dev.saasapi.organizations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One account's place in one organization. */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
@NamedQuery(
        name = Membership.OWNERS,
        query = "SELECT count(m) FROM Membership m WHERE m.organizationId = :organization AND m.role = :owner")
@NamedQuery(
        name = Membership.OF_USER,
        query = "SELECT o, m.role FROM Membership m, Organization o WHERE o.id = m.organizationId"
                + " AND m.userId = :user ORDER BY LOWER(o.name), o.id")
@NamedQuery(name = Membership.COUNT_OF_USER, query = "SELECT count(m) FROM Membership m WHERE m.userId = :user")
@NamedQuery(
        name = Membership.MEMBERS,
        query = "SELECT m, u.email FROM Membership m, User u WHERE u.id = m.userId"
                + " AND m.organizationId = :organization ORDER BY m.joinedAt, m.userId")
@NamedQuery(
        name = Membership.MEMBER,
        query = "SELECT m, u.email FROM Membership m, User u WHERE u.id = m.userId"
                + " AND m.organizationId = :organization AND m.userId = :user")
@NamedQuery(
        name = Membership.COUNT_WITH_EMAIL,
        query = "SELECT count(m) FROM Membership m, User u WHERE u.id = m.userId"
                + " AND m.organizationId = :organization AND LOWER(u.email) = LOWER(:email)")
@NamedQuery(
        name = Membership.COUNT_MEMBERS,
        query = "SELECT count(m) FROM Membership m WHERE m.organizationId = :organization")
@NamedQuery(
        name = Membership.SOLE_OWNED_OF_USER,
        query = "SELECT m.organizationId FROM Membership m WHERE m.userId = :user AND m.role = :owner"
                + " AND NOT EXISTS (SELECT o FROM Membership o WHERE o.organizationId = m.organizationId"
                + " AND o.role = :owner AND o.userId <> :user) ORDER BY m.organizationId")
public class Membership {

    public static final String OWNERS = "Membership.owners";
    public static final String OF_USER = "Membership.ofUser";
    public static final String COUNT_OF_USER = "Membership.countOfUser";
    public static final String MEMBERS = "Membership.members";
    public static final String MEMBER = "Membership.member";
    public static final String COUNT_WITH_EMAIL = "Membership.countWithEmail";
    public static final String COUNT_MEMBERS = "Membership.countMembers";
    public static final String SOLE_OWNED_OF_USER = "Membership.soleOwnedOfUser";

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Id
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Convert(converter = MemberRoleConverter.class)
    @Column(nullable = false, length = 16)
    private MemberRole role;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private OffsetDateTime joinedAt;

    protected Membership() {}

    public Membership(UUID organizationId, UUID userId, MemberRole role) {
        this.organizationId = Objects.requireNonNull(organizationId);
        this.userId = Objects.requireNonNull(userId);
        this.role = Objects.requireNonNull(role);
        this.joinedAt = Organization.now();
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID userId() {
        return userId;
    }

    public MemberRole role() {
        return role;
    }

    public OffsetDateTime joinedAt() {
        return joinedAt;
    }

    public void changeRole(MemberRole role) {
        this.role = Objects.requireNonNull(role);
    }

    /** The primary key: organization and account. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID organizationId;
        private UUID userId;

        public Key() {}

        public Key(UUID organizationId, UUID userId) {
            this.organizationId = organizationId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(organizationId, key.organizationId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, userId);
        }
    }
}
