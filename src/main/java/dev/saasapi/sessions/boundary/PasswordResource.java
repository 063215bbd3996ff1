package dev.saasapi.sessions.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.accounts.entity.PasswordChange;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.identity.control.Caller;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.sessions.entity.Session;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Changes the caller's password. Every other session ends and every access token issued so far is
 * refused; the calling client gets a fresh pair of tokens for its own session in the answer.
 */
@Path("users/me/password")
@ApplicationScoped
@RolesAllowed(Roles.USER)
public class PasswordResource {

    @Inject
    ClientAddresses clients;

    @Inject
    CallerAccount account;

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @Inject
    SessionLifecycle sessions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(@Valid PasswordChange body, @Context HttpServletRequest request) {
        requireBody(body);
        User user = account.user();
        String verifiedHash = accounts.confirmPassword(user, body.currentPassword());
        String newHash = accounts.hashNewPassword(body.newPassword());
        return AuthResource.tokenResponse(sessions.changePassword(
                user.id(),
                verifiedHash,
                newHash,
                caller.sessionId(),
                ClientInfo.userAgent(request),
                Printable.storable(clients.of(request), Session.MAX_IP_ADDRESS_LENGTH)));
    }
}
