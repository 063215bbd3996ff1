package dev.saasapi.auth.boundary;

import dev.saasapi.Roles;
import dev.saasapi.problems.control.InvalidFieldsException;
import dev.saasapi.problems.entity.Problem;
import dev.saasapi.users.control.Caller;
import dev.saasapi.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Ends the caller's session, or with {@code scope=all} every session of the account. Only "all" also
 * refuses the access tokens already out at once; one session's access tokens run out on their own,
 * within {@code ACCESS_TOKEN_EXPIRE_MINUTES}, because checking the session on every request would cost
 * a query per request.
 */
@Path("auth/logout")
@RequestScoped
@RolesAllowed(Roles.USER)
public class LogoutResource {

    static final String ALL = "all";

    @Inject
    Caller caller;

    @Inject
    SessionLifecycle sessions;

    @POST
    public Response logout(@QueryParam("scope") String scope) {
        if (scope != null && !scope.isEmpty() && !ALL.equals(scope)) {
            throw new InvalidFieldsException(List.of(new Problem.FieldError("scope", "must be all, or left out")));
        }
        User user = caller.user();
        if (ALL.equals(scope)) {
            sessions.endAll(user.id());
        } else {
            caller.sessionId().ifPresent(session -> sessions.endIfActive(user.id(), session));
        }
        return Response.noContent().build();
    }
}
