package dev.saasapi.admin.boundary;

import dev.saasapi.audit.boundary.AuditEvents;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The whole audit log, for the platform's admins. */
@Path("admin/audit-events")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @Inject
    PlatformAdminCaller admin;

    @Inject
    AuditEvents events;

    @Context
    UriInfo uri;

    /** Newest first. */
    @GET
    public Response list(
            @QueryParam("action") String action,
            @QueryParam("actor_id") String actorId,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam(PageRequest.PAGE) String page,
            @QueryParam(PageRequest.PER_PAGE) String perPage) {
        admin.require();
        PageRequest request = PageRequest.of(page, perPage);
        return request.respond(events.all(AuditEvents.filters(action, actorId, since, until), request), uri)
                .build();
    }
}
