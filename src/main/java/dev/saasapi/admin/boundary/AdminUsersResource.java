package dev.saasapi.admin.boundary;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.identity.control.PlatformAdmins;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every account, for the platform's admins. */
@Path("admin/users")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    CallerAccount account;

    @Inject
    PlatformAdmins admins;

    @Inject
    Accounts accounts;

    @Context
    UriInfo uri;

    /** {@code q} matches part of the email; {@code sort} is {@code created_at} (default), {@code email}, or either with {@code -}. */
    @GET
    public Response list(
            @QueryParam("q") String query,
            @QueryParam("sort") String sort,
            @QueryParam(PageRequest.PAGE) String page,
            @QueryParam(PageRequest.PER_PAGE) String perPage) {
        requireAdmin();
        PageRequest request = PageRequest.of(page, perPage);
        Page<User> found = accounts.search(query, sort, request);
        return request.respond(found.items().stream().map(UserView::of).toList(), found.total(), uri)
                .build();
    }

    /**
     * The token's {@code admin} group says the caller was an admin when it was issued; an address
     * taken out of {@code ADMIN_EMAILS} since, or an email changed since, loses the role at once.
     */
    private void requireAdmin() {
        User caller = account.user();
        if (!admins.isAdmin(caller.email(), caller.emailVerified())) {
            throw new ForbiddenException();
        }
    }
}
