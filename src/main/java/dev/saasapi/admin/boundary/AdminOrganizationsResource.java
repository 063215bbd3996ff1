package dev.saasapi.admin.boundary;

import dev.saasapi.identity.entity.Roles;
import dev.saasapi.organizations.boundary.Organizations;
import dev.saasapi.organizations.entity.OrganizationSummary;
import dev.saasapi.platform.lists.control.Page;
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

/** Every organization, for the platform's admins. */
@Path("admin/orgs")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrganizationsResource {

    @Inject
    PlatformAdminCaller admin;

    @Inject
    Organizations organizations;

    @Context
    UriInfo uri;

    /** {@code q} matches part of the name or slug; {@code sort} is {@code created_at} (default), {@code name}, or either with {@code -}. */
    @GET
    public Response list(@BeanParam SearchRequest search) {
        admin.require();
        PageRequest request = search.page();
        Page<OrganizationSummary> found = organizations.search(search.query, search.sort, request);
        return request.respond(found.items(), found.total(), uri).build();
    }
}
