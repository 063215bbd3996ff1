package dev.saasapi.admin.boundary;

import dev.saasapi.audit.boundary.AuditEvents;
import dev.saasapi.audit.boundary.AuditListRequest;
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

/** The whole audit log, for the platform's admins. */
@Path("admin/audit-events")
@ApplicationScoped
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
    public Response list(@BeanParam AuditListRequest request) {
        admin.require();
        PageRequest page = request.page();
        return page.respond(events.all(request.filters(), page), uri).build();
    }
}
