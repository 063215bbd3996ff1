package dev.saasapi.audit.boundary;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The caller's own security events: logins, password and email changes, sessions ended, … */
@Path("users/me/security-events")
@ApplicationScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventsResource {

    @Inject
    CallerAccount account;

    @Inject
    AuditEvents events;

    @Context
    UriInfo uri;

    /** Newest first. */
    @GET
    public Response list(@BeanParam AuditListRequest request) {
        PageRequest page = request.page();
        return page.respond(events.ofAccount(account.user().id(), request.filters(), page), uri)
                .build();
    }
}
