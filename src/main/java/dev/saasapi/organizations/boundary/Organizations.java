package dev.saasapi.organizations.boundary;

import dev.saasapi.accounts.entity.AccountDeleted;
import dev.saasapi.organizations.control.InsufficientRoleException;
import dev.saasapi.organizations.control.LastOwnerException;
import dev.saasapi.organizations.control.OrganizationStore;
import dev.saasapi.organizations.control.Slugs;
import dev.saasapi.organizations.control.UnknownMemberException;
import dev.saasapi.organizations.control.UnknownOrganizationException;
import dev.saasapi.organizations.entity.Actor;
import dev.saasapi.organizations.entity.MemberRemoved;
import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.organizations.entity.MemberView;
import dev.saasapi.organizations.entity.Membership;
import dev.saasapi.organizations.entity.Organization;
import dev.saasapi.organizations.entity.OrganizationCreation;
import dev.saasapi.organizations.entity.OrganizationSummary;
import dev.saasapi.organizations.entity.OrganizationUpdate;
import dev.saasapi.organizations.entity.OrganizationView;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.lists.control.SortOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * What members may do with their organizations, each in one transaction. The rules of the roles live
 * here: a non-member is told the organization does not exist, a member without the role is refused,
 * and no change leaves an organization without an owner.
 */
@ApplicationScoped
public class Organizations {

    @Inject
    OrganizationStore store;

    @Inject
    Event<MemberRemoved> memberRemoved;

    @Inject
    Event<SecurityEvent> audit;

    /** The creator is the organization's first owner. */
    @Transactional
    public OrganizationView create(UUID creatorId, OrganizationCreation body) {
        String slug = body.slug() != null ? body.slug() : store.freeSlug(Slugs.from(body.name()));
        Organization organization = new Organization(body.name(), slug);
        store.add(organization, new Membership(organization.id(), creatorId, MemberRole.OWNER));
        audit.fire(SecurityEvent.success("organization.created")
                .organization(organization.id())
                .target("organization", organization.id())
                .detail("name", organization.name())
                .detail("slug", organization.slug()));
        return OrganizationView.of(organization, MemberRole.OWNER);
    }

    @Transactional
    public Page<OrganizationView> ofMember(UUID userId, PageRequest page) {
        return new Page<>(store.ofUser(userId, page), store.countOfUser(userId));
    }

    /**
     * Every organization (for platform admins): {@code query} matches part of the name or slug, {@code
     * sort} is one of {@link OrganizationStore#SORTS} ({@code created_at} when null).
     *
     * @throws dev.saasapi.platform.problems.control.InvalidFieldsException for another sort
     */
    @Transactional
    public Page<OrganizationSummary> search(String query, String sort, PageRequest page) {
        String order = SortOrder.clause(sort, "created_at", OrganizationStore.SORTS);
        return new Page<>(store.search(query, order, page), store.count(query));
    }

    @Transactional
    public OrganizationView get(UUID organizationId, Actor actor) {
        MemberRole role = role(organizationId, actor, MemberRole.MEMBER);
        return OrganizationView.of(store.find(organizationId).orElseThrow(UnknownOrganizationException::new), role);
    }

    @Transactional
    public OrganizationView update(UUID organizationId, Actor actor, OrganizationUpdate body) {
        Organization organization = lock(organizationId);
        MemberRole role = role(organizationId, actor, MemberRole.ADMIN);
        if (body.name() != null && !body.name().equals(organization.name())) {
            organization.rename(body.name());
        }
        if (body.slug() != null && !body.slug().equals(organization.slug())) {
            organization.changeSlug(body.slug());
        }
        store.flush();
        audit.fire(SecurityEvent.success("organization.updated")
                .organization(organizationId)
                .target("organization", organizationId)
                .detail("name", body.name())
                .detail("slug", body.slug()));
        return OrganizationView.of(organization, role);
    }

    /** With its memberships. */
    @Transactional
    public void delete(UUID organizationId, Actor actor) {
        Organization organization = lock(organizationId);
        role(organizationId, actor, MemberRole.OWNER);
        store.remove(organization);
        audit.fire(SecurityEvent.success("organization.deleted")
                .organization(organizationId)
                .target("organization", organizationId)
                .detail("name", organization.name())
                .detail("slug", organization.slug()));
    }

    @Transactional
    public Page<MemberView> members(UUID organizationId, Actor actor, PageRequest page) {
        role(organizationId, actor, MemberRole.MEMBER);
        return new Page<>(store.members(organizationId, page), store.countMembers(organizationId));
    }

    /** Admins manage members and admins; only owners grant, change or take away {@code owner}. */
    @Transactional
    public MemberView changeRole(UUID organizationId, Actor actor, UUID memberId, MemberRole role) {
        lock(organizationId);
        MemberRole actorRole = role(organizationId, actor, MemberRole.ADMIN);
        Membership target = store.membership(organizationId, memberId).orElseThrow(UnknownMemberException::new);
        if (actorRole != MemberRole.OWNER && (target.role() == MemberRole.OWNER || role == MemberRole.OWNER)) {
            throw InsufficientRoleException.ownersOnly();
        }
        if (target.role() == MemberRole.OWNER && role != MemberRole.OWNER && store.owners(organizationId) == 1) {
            throw new LastOwnerException();
        }
        MemberRole before = target.role();
        target.changeRole(role);
        store.flush();
        audit.fire(SecurityEvent.success("member.role_changed")
                .organization(organizationId)
                .account(memberId)
                .target("member", memberId)
                .detail("from", before.value())
                .detail("to", role.value()));
        return store.member(organizationId, memberId).orElseThrow(UnknownMemberException::new);
    }

    /** Anyone may leave; removing someone else takes an admin, and removing an owner an owner. */
    @Transactional
    public void removeMember(UUID organizationId, Actor actor, UUID memberId) {
        lock(organizationId);
        MemberRole actorRole = role(organizationId, actor, MemberRole.MEMBER);
        Membership target = store.membership(organizationId, memberId).orElseThrow(UnknownMemberException::new);
        if (!actor.is(memberId)) {
            if (!actorRole.atLeast(MemberRole.ADMIN)) {
                throw new InsufficientRoleException(MemberRole.ADMIN);
            }
            if (actorRole != MemberRole.OWNER && target.role() == MemberRole.OWNER) {
                throw InsufficientRoleException.ownersOnly();
            }
        }
        if (target.role() == MemberRole.OWNER && store.owners(organizationId) == 1) {
            throw new LastOwnerException();
        }
        store.remove(target);
        memberRemoved.fire(new MemberRemoved(organizationId, memberId));
        audit.fire(SecurityEvent.success(actor.is(memberId) ? "member.left" : "member.removed")
                .organization(organizationId)
                .account(memberId)
                .target("member", memberId)
                .detail("role", target.role().value()));
    }

    /**
     * An account that is the last owner of an organization cannot go until another member owns it (or
     * the organization is deleted): the deletion's transaction is refused with 409. Its other
     * memberships go with the account (the database cascades). Runs in the deletion's transaction,
     * which locked the account first: the lock order of every writer.
     */
    void refuseDeletionOfLastOwner(@Observes AccountDeleted deleted) {
        store.lockOwnedBy(deleted.accountId());
        if (!store.soleOwnedBy(deleted.accountId()).isEmpty()) {
            throw new LastOwnerException();
        }
        // the database removes the memberships with the account; what goes with them is said here
        for (Membership membership : store.membershipsOf(deleted.accountId())) {
            memberRemoved.fire(new MemberRemoved(membership.organizationId(), deleted.accountId()));
            audit.fire(SecurityEvent.success("member.removed")
                    .organization(membership.organizationId())
                    .target("member", deleted.accountId())
                    .detail("role", membership.role().value())
                    .detail("reason", "the account was deleted"));
        }
    }

    /**
     * The organization, locked until the transaction ends: changes to it and to what belongs to it take
     * turns. Lock the account first where one is written too (the lock order of every writer).
     *
     * @throws UnknownOrganizationException if there is none with this id
     */
    public Organization lock(UUID organizationId) {
        return store.lock(organizationId).orElseThrow(UnknownOrganizationException::new);
    }

    /**
     * The actor's role here, if it has at least {@code least}'s rights: a member's role, or an API key's
     * in its own organization.
     *
     * @throws UnknownOrganizationException if the actor is not a member, or a key of another
     *     organization (whether or not the organization exists)
     * @throws InsufficientRoleException if the role is below {@code least}
     */
    public MemberRole role(UUID organizationId, Actor actor, MemberRole least) {
        MemberRole role;
        if (actor.key() != null) {
            if (!actor.key().organizationId().equals(organizationId)) {
                throw new UnknownOrganizationException();
            }
            role = MemberRole.of(actor.key().role()).orElseThrow(UnknownOrganizationException::new);
        } else {
            role = store.membership(organizationId, actor.userId())
                    .orElseThrow(UnknownOrganizationException::new)
                    .role();
        }
        if (!role.atLeast(least)) {
            throw new InsufficientRoleException(least);
        }
        return role;
    }
}
