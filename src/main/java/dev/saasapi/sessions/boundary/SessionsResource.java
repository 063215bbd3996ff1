package dev.saasapi.sessions.boundary;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.identity.control.Caller;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.http.control.PathIds;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.sessions.control.UnknownSessionException;
import dev.saasapi.sessions.entity.Session;
import dev.saasapi.sessions.entity.SessionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The caller's active sessions: one per login, on whatever device it happened. */
@Path("users/me/sessions")
@ApplicationScoped
@RolesAllowed(Roles.USER)
public class SessionsResource {

    @Inject
    CallerAccount account;

    @Inject
    Caller caller;

    @Inject
    SessionLifecycle sessions;

    @Context
    UriInfo uri;

    /**
     * Most recently used first, in pages; the one the request's token belongs to is marked {@code
     * current}.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam(PageRequest.PAGE) String page, @QueryParam(PageRequest.PER_PAGE) String perPage) {
        PageRequest request = PageRequest.of(page, perPage);
        User user = account.user();
        Optional<UUID> current = caller.sessionId();
        Page<Session> active = sessions.activeOf(user.id(), request);
        List<SessionView> views = active.items().stream()
                .map(session -> SessionView.of(
                        session, current.filter(session.id()::equals).isPresent()))
                .toList();
        return request.respond(views, active.total(), uri).build();
    }

    /** Its refresh token stops working at once; its access tokens run out within their lifetime. */
    @DELETE
    @Path("{id}")
    public Response end(@PathParam("id") String id) {
        User user = account.user();
        sessions.end(user.id(), PathIds.parse(id).orElseThrow(UnknownSessionException::new));
        return Response.noContent().build();
    }
}
