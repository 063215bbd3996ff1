package dev.saasapi.audit.boundary;

import dev.saasapi.identity.entity.Roles;
import dev.saasapi.organizations.boundary.CurrentActor;
import dev.saasapi.platform.http.control.PathIds;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** An organization's audit log, for its admins and owners (and its admin API keys). */
@Path("orgs/{org_id}/audit-events")
@ApplicationScoped
@RolesAllowed({Roles.USER, Roles.API_KEY})
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationAuditResource {

    /** No organization has it: an id that is not a UUID gets the same 404 as an unknown one. */
    private static final UUID NOTHING = new UUID(0, 0);

    @Inject
    CurrentActor actor;

    @Inject
    AuditEvents events;

    @Context
    UriInfo uri;

    /** Newest first. */
    @GET
    public Response list(@PathParam("org_id") String organizationId, @BeanParam AuditListRequest request) {
        UUID organization = PathIds.parse(organizationId).orElse(NOTHING);
        PageRequest page = request.page();
        return page.respond(events.ofOrganization(organization, actor.get(), request.filters(), page), uri)
                .build();
    }
}
