package dev.saasapi.organizations.control;

import static dev.saasapi.platform.persistence.control.SqlErrors.UNIQUE_VIOLATION;

import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.organizations.entity.MemberView;
import dev.saasapi.organizations.entity.Membership;
import dev.saasapi.organizations.entity.Organization;
import dev.saasapi.organizations.entity.OrganizationSummary;
import dev.saasapi.organizations.entity.OrganizationView;
import dev.saasapi.organizations.entity.Slug;
import dev.saasapi.platform.lists.control.ContainsPattern;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.persistence.control.SqlErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Organizations and memberships in PostgreSQL. Runs inside the caller's transaction. Every change to
 * an organization's members locks the organization's row first, so that two changes to one
 * organization take turns and each sees the owners the other left.
 */
@ApplicationScoped
public class OrganizationStore {

    private static final String SLUG_INDEX = "uq_organizations_slug";

    @PersistenceContext
    EntityManager em;

    public Optional<Membership> membership(UUID organizationId, UUID userId) {
        return Optional.ofNullable(em.find(Membership.class, new Membership.Key(organizationId, userId)));
    }

    public Optional<Organization> find(UUID id) {
        return Optional.ofNullable(em.find(Organization.class, id));
    }

    /** The organization, locked until the transaction ends. */
    public Optional<Organization> lock(UUID id) {
        return Optional.ofNullable(em.find(Organization.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public long owners(UUID organizationId) {
        return em.createNamedQuery(Membership.OWNERS, Long.class)
                .setParameter("organization", organizationId)
                .setParameter("owner", MemberRole.OWNER)
                .getSingleResult();
    }

    /** The slug, or the first of {@code slug-2}, {@code slug-3}, ... that no organization has. */
    public String freeSlug(String slug) {
        String prefix = slug.substring(0, Math.min(slug.length(), Slug.MAX_LENGTH - 6));
        List<String> taken = em.createNamedQuery(Organization.SLUGS_LIKE, String.class)
                .setParameter("prefix", prefix + "%")
                .getResultList();
        return Slugs.firstFree(slug, new HashSet<>(taken));
    }

    public void add(Organization organization, Membership creator) {
        em.persist(organization);
        flush();
        em.persist(creator);
        flush();
    }

    public void add(Membership membership) {
        em.persist(membership);
        flush();
    }

    public void remove(Organization organization) {
        em.remove(organization);
        flush();
    }

    public void remove(Membership membership) {
        em.remove(membership);
        flush();
    }

    /** The caller's organizations, by name. */
    public List<OrganizationView> ofUser(UUID userId, PageRequest page) {
        return em.createNamedQuery(Membership.OF_USER, Object[].class)
                .setParameter("user", userId)
                .setFirstResult(page.offset())
                .setMaxResults(page.perPage())
                .getResultStream()
                .map(row -> OrganizationView.of((Organization) row[0], (MemberRole) row[1]))
                .toList();
    }

    public long countOfUser(UUID userId) {
        return em.createNamedQuery(Membership.COUNT_OF_USER, Long.class)
                .setParameter("user", userId)
                .getSingleResult();
    }

    /** The orders a list of every organization may be sorted in: {@code ?sort=} value → JPQL. */
    public static final Map<String, String> SORTS = Map.of(
            "created_at", "o.createdAt ASC, o.id",
            "-created_at", "o.createdAt DESC, o.id",
            "name", "LOWER(o.name) ASC, o.id",
            "-name", "LOWER(o.name) DESC, o.id");

    private static final String MATCHING =
            " FROM Organization o WHERE LOWER(o.name) LIKE :pattern ESCAPE '!'" + " OR o.slug LIKE :pattern ESCAPE '!'";

    /**
     * Every organization whose name or slug contains {@code query} (case-insensitive; null for all),
     * with its number of members, in {@code order}, one of the {@link #SORTS}' clauses.
     */
    public List<OrganizationSummary> search(String query, String order, PageRequest page) {
        return em.createQuery(
                        "SELECT o, (SELECT count(m) FROM Membership m WHERE m.organizationId = o.id)" + MATCHING
                                + " ORDER BY " + order,
                        Object[].class)
                .setParameter("pattern", ContainsPattern.of(query))
                .setFirstResult(page.offset())
                .setMaxResults(page.perPage())
                .getResultStream()
                .map(row -> OrganizationSummary.of((Organization) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    public long count(String query) {
        return em.createQuery("SELECT count(o)" + MATCHING, Long.class)
                .setParameter("pattern", ContainsPattern.of(query))
                .getSingleResult();
    }

    /** An organization's members, in the order they joined. */
    public List<MemberView> members(UUID organizationId, PageRequest page) {
        return em.createNamedQuery(Membership.MEMBERS, Object[].class)
                .setParameter("organization", organizationId)
                .setFirstResult(page.offset())
                .setMaxResults(page.perPage())
                .getResultStream()
                .map(row -> MemberView.of((Membership) row[0], (String) row[1]))
                .toList();
    }

    public Optional<MemberView> member(UUID organizationId, UUID userId) {
        return em.createNamedQuery(Membership.MEMBER, Object[].class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .getResultStream()
                .findFirst()
                .map(row -> MemberView.of((Membership) row[0], (String) row[1]));
    }

    /**
     * Locks, in one order, every organization the account owns, so that no other owner can leave or be
     * demoted until the caller's transaction ends.
     */
    public void lockOwnedBy(UUID userId) {
        em.createNamedQuery(Organization.OWNED_BY, Organization.class)
                .setParameter("user", userId)
                .setParameter("owner", MemberRole.OWNER)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public long countMembers(UUID organizationId) {
        return em.createNamedQuery(Membership.COUNT_MEMBERS, Long.class)
                .setParameter("organization", organizationId)
                .getSingleResult();
    }

    /** Every membership of the account. */
    public List<Membership> membershipsOf(UUID userId) {
        return em.createQuery(
                        "SELECT m FROM Membership m WHERE m.userId = :user ORDER BY m.organizationId", Membership.class)
                .setParameter("user", userId)
                .getResultList();
    }

    /** The organizations in which the account is the only owner. */
    public List<UUID> soleOwnedBy(UUID userId) {
        return em.createNamedQuery(Membership.SOLE_OWNED_OF_USER, UUID.class)
                .setParameter("user", userId)
                .setParameter("owner", MemberRole.OWNER)
                .getResultList();
    }

    /** Whether an account with this email (case-insensitive) is a member. */
    public boolean hasMemberWithEmail(UUID organizationId, String email) {
        return em.createNamedQuery(Membership.COUNT_WITH_EMAIL, Long.class)
                        .setParameter("organization", organizationId)
                        .setParameter("email", email)
                        .getSingleResult()
                > 0;
    }

    /** Writes pending changes now, so that the unique slug index decides races: the loser gets a 409. */
    public void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.sqlCause(e)
                    .filter(sql -> UNIQUE_VIOLATION.equals(sql.getSQLState()))
                    .filter(sql -> String.valueOf(sql.getMessage()).contains(SLUG_INDEX))
                    .isPresent()) {
                throw new SlugTakenException();
            }
            throw e;
        }
    }
}
