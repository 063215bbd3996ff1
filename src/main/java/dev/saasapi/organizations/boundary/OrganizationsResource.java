package dev.saasapi.organizations.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.organizations.control.InvitationStatus;
import dev.saasapi.organizations.control.UnknownOrganizationException;
import dev.saasapi.organizations.entity.Actor;
import dev.saasapi.organizations.entity.InvitationRequest;
import dev.saasapi.organizations.entity.InvitationView;
import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.organizations.entity.MemberView;
import dev.saasapi.organizations.entity.OrganizationCreation;
import dev.saasapi.organizations.entity.OrganizationUpdate;
import dev.saasapi.organizations.entity.OrganizationView;
import dev.saasapi.organizations.entity.RoleChange;
import dev.saasapi.platform.http.control.PathIds;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;

/**
 * Organizations and their members. Every path under {@code /orgs/{org_id}} answers a non-member
 * exactly as it answers an id that never existed.
 */
@Path("orgs")
@ApplicationScoped
@RolesAllowed({Roles.USER, Roles.API_KEY})
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final UUID NO_ACCOUNT = new UUID(0, 0);

    @Inject
    CallerAccount account;

    @Inject
    CurrentActor actor;

    @Inject
    Organizations organizations;

    @Inject
    Invitations invitations;

    @Inject
    RateLimits limits;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid OrganizationCreation body) {
        requireBody(body);
        OrganizationView created = organizations.create(account.user().id(), body);
        return Response.created(URI.create("orgs/" + created.id()))
                .entity(created)
                .build();
    }

    /** The caller's organizations, by name, with the caller's role in each. */
    @GET
    @RolesAllowed(Roles.USER)
    public Response list(@QueryParam(PageRequest.PAGE) String page, @QueryParam(PageRequest.PER_PAGE) String perPage) {
        PageRequest request = PageRequest.of(page, perPage);
        return request.respond(organizations.ofMember(account.user().id(), request), uri)
                .build();
    }

    @GET
    @Path("{org_id}")
    public OrganizationView get(@PathParam("org_id") String organizationId) {
        return organizations.get(organization(organizationId), actor.get());
    }

    @PATCH
    @Path("{org_id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public OrganizationView update(@PathParam("org_id") String organizationId, @Valid OrganizationUpdate body) {
        requireBody(body);
        return organizations.update(organization(organizationId), actor.get(), body);
    }

    @DELETE
    @Path("{org_id}")
    public Response delete(@PathParam("org_id") String organizationId) {
        organizations.delete(organization(organizationId), actor.get());
        return Response.noContent().build();
    }

    /** In the order they joined. */
    @GET
    @Path("{org_id}/members")
    public Response members(
            @PathParam("org_id") String organizationId,
            @QueryParam(PageRequest.PAGE) String page,
            @QueryParam(PageRequest.PER_PAGE) String perPage) {
        UUID id = organization(organizationId);
        PageRequest request = PageRequest.of(page, perPage);
        return request.respond(organizations.members(id, actor.get(), request), uri)
                .build();
    }

    @PATCH
    @Path("{org_id}/members/{user_id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public MemberView changeRole(
            @PathParam("org_id") String organizationId, @PathParam("user_id") String userId, @Valid RoleChange body) {
        requireBody(body);
        UUID id = organization(organizationId);
        return organizations.changeRole(
                id, actor.get(), member(userId), MemberRole.of(body.role()).orElseThrow());
    }

    /** Removing someone else takes an admin (an owner, to remove an owner); anyone may leave. */
    @DELETE
    @Path("{org_id}/members/{user_id}")
    public Response removeMember(@PathParam("org_id") String organizationId, @PathParam("user_id") String userId) {
        UUID id = organization(organizationId);
        organizations.removeMember(id, actor.get(), member(userId));
        return Response.noContent().build();
    }

    /**
     * Mails the invitation's link; a pending invitation to the same email is replaced. Only owners
     * invite owners.
     */
    @POST
    @Path("{org_id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(
            @PathParam("org_id") String organizationId,
            @Valid InvitationRequest body,
            @Context HttpServletRequest request) {
        requireBody(body);
        UUID id = organization(organizationId);
        Actor acting = actor.get();
        // anyone can make an organization and invite: invitations are mails a stranger can trigger
        limits.requirePerAddress(RateLimitSettings.MAIL_VARIABLE, request);
        boolean mail = limits.allowSilently(RateLimitSettings.MAIL_PER_EMAIL_VARIABLE, body.email());
        InvitationView created = invitations.invite(
                id, acting, body.email(), MemberRole.of(body.role()).orElseThrow(), mail);
        return Response.created(URI.create("orgs/" + id + "/invitations/" + created.id()))
                .entity(created)
                .build();
    }

    /** Newest first; {@code status} narrows the list to one status. */
    @GET
    @Path("{org_id}/invitations")
    public Response invitations(
            @PathParam("org_id") String organizationId,
            @QueryParam("status") String status,
            @QueryParam(PageRequest.PAGE) String page,
            @QueryParam(PageRequest.PER_PAGE) String perPage) {
        UUID id = organization(organizationId);
        PageRequest request = PageRequest.of(page, perPage);
        return request.respond(invitations.of(id, actor.get(), InvitationStatus.of(status), request), uri)
                .build();
    }

    /** The link stops working; an invitation already accepted, revoked or expired stays as it is. */
    @DELETE
    @Path("{org_id}/invitations/{id}")
    public Response revoke(@PathParam("org_id") String organizationId, @PathParam("id") String invitationId) {
        UUID id = organization(organizationId);
        invitations.revoke(id, actor.get(), member(invitationId));
        return Response.noContent().build();
    }

    /** An id that is not a UUID names nothing: the same 404 as an unknown one. */
    private static UUID organization(String id) {
        return PathIds.parse(id).orElseThrow(UnknownOrganizationException::new);
    }

    /**
     * A member or invitation id that is not a UUID becomes the nil UUID, which no account has: the caller's own
     * membership is still checked first, and the answer is the same 404 as for an unknown one.
     */
    private static UUID member(String id) {
        return PathIds.parse(id).orElse(NO_ACCOUNT);
    }
}
