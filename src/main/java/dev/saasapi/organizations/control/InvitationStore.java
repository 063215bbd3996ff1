package dev.saasapi.organizations.control;

import dev.saasapi.organizations.entity.Invitation;
import dev.saasapi.organizations.entity.InvitationView;
import dev.saasapi.organizations.entity.Organization;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations in PostgreSQL. Runs inside the caller's transaction; an invitation is locked only after
 * its organization (the lock order of {@link OrganizationStore}).
 */
@ApplicationScoped
public class InvitationStore {

    @PersistenceContext
    EntityManager em;

    /** The email's invitations to the organization neither accepted nor revoked, locked (after the organization: the lock order). */
    public List<Invitation> pending(UUID organizationId, String email) {
        return em.createNamedQuery(Invitation.PENDING_FOR, Invitation.class)
                .setParameter("organization", organizationId)
                .setParameter("email", email)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public void add(Invitation invitation) {
        em.persist(invitation);
        em.flush();
    }

    /** The organization's invitation with this id. */
    public Optional<Invitation> find(UUID organizationId, UUID id) {
        return Optional.ofNullable(em.find(Invitation.class, id))
                .filter(invitation -> invitation.organizationId().equals(organizationId));
    }

    /**
     * The organization and id of the invitation with this token, read without loading it: it is
     * loaded, locked, only once its organization is locked.
     */
    public Optional<UUID[]> idsByTokenHash(String hash) {
        return em.createNamedQuery(Invitation.BY_TOKEN_HASH, Object[].class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst()
                .map(row -> new UUID[] {(UUID) row[0], (UUID) row[1]});
    }

    /** The invitation, locked until the transaction ends (after its organization: the lock order). */
    public Optional<Invitation> lock(UUID id) {
        return Optional.ofNullable(em.find(Invitation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Newest first; {@code status} one of the statuses or {@link Invitation#ALL}. */
    public List<InvitationView> of(UUID organizationId, String status, PageRequest page) {
        return em.createNamedQuery(Invitation.OF_ORGANIZATION, Invitation.class)
                .setParameter("organization", organizationId)
                .setParameter("status", status)
                .setParameter("now", Organization.now())
                .setFirstResult(page.offset())
                .setMaxResults(page.perPage())
                .getResultStream()
                .map(InvitationView::of)
                .toList();
    }

    public long count(UUID organizationId, String status) {
        return em.createNamedQuery(Invitation.COUNT_OF_ORGANIZATION, Long.class)
                .setParameter("organization", organizationId)
                .setParameter("status", status)
                .setParameter("now", Organization.now())
                .getSingleResult();
    }
}
