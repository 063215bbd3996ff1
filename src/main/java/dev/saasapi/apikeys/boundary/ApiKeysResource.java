package dev.saasapi.apikeys.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.apikeys.entity.ApiKeyCreation;
import dev.saasapi.apikeys.entity.CreatedApiKey;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.http.control.PathIds;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;

/**
 * An organization's API keys. Only people manage keys: a request made with a key is refused (403),
 * so a leaked key cannot mint more. Like every path under the organization, a non-member gets 404.
 */
@Path("orgs/{org_id}/api-keys")
@ApplicationScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    /** No account or key has it: an id that is not a UUID gets the same 404 as an unknown one. */
    private static final UUID NOTHING = new UUID(0, 0);

    @Inject
    CallerAccount account;

    @Inject
    ApiKeys keys;

    @Context
    UriInfo uri;

    /** The answer holds the key, shown this once; it is not cached anywhere on the way. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String organizationId, @Valid ApiKeyCreation body) {
        requireBody(body);
        UUID organization = id(organizationId);
        CreatedApiKey created = keys.create(organization, account.user().id(), body);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(URI.create("orgs/" + organization + "/api-keys/" + created.id()))
                .cacheControl(noStore)
                .entity(created)
                .build();
    }

    /** Newest first; never the keys themselves. */
    @GET
    public Response list(
            @PathParam("org_id") String organizationId,
            @QueryParam(PageRequest.PAGE) String page,
            @QueryParam(PageRequest.PER_PAGE) String perPage) {
        PageRequest request = PageRequest.of(page, perPage);
        return request.respond(keys.of(id(organizationId), account.user().id(), request), uri)
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("org_id") String organizationId, @PathParam("id") String keyId) {
        keys.revoke(id(organizationId), account.user().id(), id(keyId));
        return Response.noContent().build();
    }

    private static UUID id(String text) {
        return PathIds.parse(text).orElse(NOTHING);
    }
}
