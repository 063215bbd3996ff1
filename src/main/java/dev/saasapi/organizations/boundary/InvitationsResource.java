package dev.saasapi.organizations.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.organizations.entity.InvitationAcceptance;
import dev.saasapi.organizations.entity.OrganizationView;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Accepting an invitation, with the token from the mailed link, as the invited (signed-in) person. */
@Path("invitations")
@ApplicationScoped
@RolesAllowed(Roles.USER)
public class InvitationsResource {

    @Inject
    CallerAccount account;

    @Inject
    Invitations invitations;

    @Inject
    RateLimits limits;

    /** The organization joined, with the caller's role in it. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationView accept(@Valid InvitationAcceptance body, @Context HttpServletRequest request) {
        requireBody(body);
        limits.requirePerAddress(RateLimitSettings.TOKEN_VARIABLE, request);
        return invitations.accept(account.user().id(), body.token());
    }
}
