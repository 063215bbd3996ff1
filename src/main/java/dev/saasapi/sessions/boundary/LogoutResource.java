package dev.saasapi.sessions.boundary;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.identity.control.Caller;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
@ApplicationScoped
@RolesAllowed(Roles.USER)
public class LogoutResource {

    static final String ALL = "all";

    @Inject
    CallerAccount account;

    @Inject
    Caller caller;

    @Inject
    SessionLifecycle sessions;

    @POST
    public Response logout(@QueryParam("scope") String scope) {
        if (scope != null && !scope.isEmpty() && !ALL.equals(scope)) {
            throw new InvalidFieldsException(List.of(new Problem.FieldError("scope", "must be all, or left out")));
        }
        User user = account.user();
        if (ALL.equals(scope)) {
            sessions.endAll(user.id());
        } else {
            caller.sessionId().ifPresent(session -> sessions.endIfActive(user.id(), session));
        }
        return Response.noContent().build();
    }
}
