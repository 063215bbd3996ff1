package dev.saasapi.admin.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.boundary.AccountAdministration;
import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.entity.AccountActivation;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every account, for the platform's admins. */
@Path("admin/users")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    PlatformAdminCaller admin;

    @Inject
    Accounts accounts;

    @Inject
    AccountAdministration administration;

    @Context
    UriInfo uri;

    /** {@code q} matches part of the email; {@code sort} is {@code created_at} (default), {@code email}, or either with {@code -}. */
    @GET
    public Response list(@BeanParam SearchRequest search) {
        admin.require();
        PageRequest request = search.page();
        Page<User> found = accounts.search(search.query, search.sort, request);
        return request.respond(found.items().stream().map(UserView::of).toList(), found.total(), uri)
                .build();
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") String id) {
        admin.require();
        return UserView.of(administration.get(AccountAdministration.accountId(id)));
    }

    /** {@code is_active: false} ends every session and refuses every token from the next request on. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public UserView update(@PathParam("id") String id, @Valid AccountActivation body) {
        requireBody(body);
        User caller = admin.require();
        return UserView.of(administration.setActive(caller.id(), AccountAdministration.accountId(id), body.isActive()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        User caller = admin.require();
        administration.delete(caller.id(), AccountAdministration.accountId(id));
        return Response.noContent().build();
    }
}
