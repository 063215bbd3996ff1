package dev.saasapi.organizations.boundary;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.organizations.control.AlreadyMemberException;
import dev.saasapi.organizations.control.InsufficientRoleException;
import dev.saasapi.organizations.control.InvitationEmailMismatchException;
import dev.saasapi.organizations.control.InvitationMails;
import dev.saasapi.organizations.control.InvitationSettings;
import dev.saasapi.organizations.control.InvitationStore;
import dev.saasapi.organizations.control.OrganizationStore;
import dev.saasapi.organizations.control.UnknownInvitationException;
import dev.saasapi.organizations.entity.Actor;
import dev.saasapi.organizations.entity.Invitation;
import dev.saasapi.organizations.entity.InvitationView;
import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.organizations.entity.Membership;
import dev.saasapi.organizations.entity.Organization;
import dev.saasapi.organizations.entity.OrganizationView;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.mail.boundary.Outbox;
import dev.saasapi.platform.secrets.control.InvalidEmailTokenException;
import dev.saasapi.platform.secrets.control.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.UUID;

/**
 * Invitations by email: admins invite (owners also invite owners), the invited person accepts with
 * the mailed token while signed in with that address, verified. Every write locks the organization's
 * row first (acceptance locks the account before it), so an acceptance and the organization's
 * deletion, or two acceptances, take turns.
 */
@ApplicationScoped
public class Invitations {

    /** The page the mailed link opens; the token follows in the fragment. */
    public static final String PAGE = "/account/accept-invitation";

    @Inject
    Event<SecurityEvent> audit;

    @Inject
    OrganizationStore store;

    @Inject
    InvitationStore invitations;

    @Inject
    Organizations organizations;

    @Inject
    Accounts accounts;

    @Inject
    InvitationSettings settings;

    @Inject
    Outbox outbox;

    /**
     * A pending invitation to the same email is replaced (revoked); the mail goes with the commit.
     *
     * @param mail false when the recipient has had too many mails lately: the invitation is made, but
     *     no mail goes (its link can be sent again by inviting again later)
     */
    @Transactional
    public InvitationView invite(UUID organizationId, Actor actor, String email, MemberRole role, boolean mail) {
        Organization organization = organizations.lock(organizationId);
        MemberRole actorRole = organizations.role(organizationId, actor, MemberRole.ADMIN);
        if (role == MemberRole.OWNER && actorRole != MemberRole.OWNER) {
            throw InsufficientRoleException.ownersOnly();
        }
        if (store.hasMemberWithEmail(organizationId, email)) {
            throw new AlreadyMemberException();
        }
        // a new invitation replaces the pending one
        for (Invitation replaced : invitations.pending(organizationId, email)) {
            if (replaced.revoke()) {
                audit.fire(SecurityEvent.success("invitation.revoked")
                        .organization(organizationId)
                        .target("invitation", replaced.id())
                        .detail("email", replaced.email())
                        .detail("reason", "replaced by a new invitation"));
            }
        }
        String token = SecretTokens.generate();
        Invitation invitation = new Invitation(
                organizationId, email, role, SecretTokens.hash(token), actor.accountable(), settings.ttl());
        invitations.add(invitation);
        audit.fire(SecurityEvent.success("invitation.created")
                .organization(organizationId)
                .target("invitation", invitation.id())
                .detail("email", email)
                .detail("role", role.value())
                .detail("mailed", mail && outbox.enabled()));
        if (!mail || !outbox.enabled()) {
            return InvitationView.of(invitation); // without SMTP_HOST there is no PUBLIC_URL to link to either
        }
        outbox.enqueue(new InvitationMails(outbox.productName())
                .invitation(
                        email,
                        organization.name(),
                        role.value(),
                        outbox.publicPage(PAGE) + "#token=" + token,
                        settings.ttl()));
        return InvitationView.of(invitation);
    }

    @Transactional
    public Page<InvitationView> of(UUID organizationId, Actor actor, String status, PageRequest page) {
        organizations.role(organizationId, actor, MemberRole.ADMIN);
        return new Page<>(invitations.of(organizationId, status, page), invitations.count(organizationId, status));
    }

    /** A pending invitation stops working; one no longer pending stays as it is. */
    @Transactional
    public void revoke(UUID organizationId, Actor actor, UUID invitationId) {
        organizations.lock(organizationId);
        organizations.role(organizationId, actor, MemberRole.ADMIN);
        Invitation invitation =
                invitations.find(organizationId, invitationId).orElseThrow(UnknownInvitationException::new);
        if (invitation.revoke()) {
            audit.fire(SecurityEvent.success("invitation.revoked")
                    .organization(organizationId)
                    .target("invitation", invitationId)
                    .detail("email", invitation.email()));
        }
        store.flush();
    }

    /**
     * Makes the caller a member with the invited role (a member already keeps the role they have).
     *
     * @throws InvalidEmailTokenException for an unknown, used, revoked or expired token
     * @throws InvitationEmailMismatchException unless the caller's verified email is the invited one
     */
    @Transactional
    public OrganizationView accept(UUID userId, String token) {
        if (token == null || token.length() != SecretTokens.LENGTH) {
            throw new InvalidEmailTokenException();
        }
        UUID[] found =
                invitations.idsByTokenHash(SecretTokens.hash(token)).orElseThrow(InvalidEmailTokenException::new);
        User user = accounts.lock(userId)
                .filter(User::active)
                .orElseThrow(() -> new NotAuthorizedException("Bearer")); // gone meanwhile
        Organization organization = store.lock(found[0]).orElseThrow(InvalidEmailTokenException::new);
        Invitation invitation =
                invitations.lock(found[1]).filter(Invitation::pending).orElseThrow(InvalidEmailTokenException::new);
        if (!user.emailVerified() || !user.email().equalsIgnoreCase(invitation.email())) {
            throw new InvitationEmailMismatchException();
        }
        Membership membership = store.membership(organization.id(), userId).orElseGet(() -> {
            Membership joined = new Membership(organization.id(), userId, invitation.role());
            store.add(joined);
            audit.fire(SecurityEvent.success("member.added")
                    .organization(organization.id())
                    .account(userId)
                    .target("member", userId)
                    .detail("role", invitation.role().value()));
            return joined;
        });
        invitation.accept();
        store.flush();
        audit.fire(SecurityEvent.success("invitation.accepted")
                .organization(organization.id())
                .account(userId)
                .target("invitation", invitation.id()));
        return OrganizationView.of(organization, membership.role());
    }
}
