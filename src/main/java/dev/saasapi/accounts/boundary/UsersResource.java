package dev.saasapi.accounts.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.control.PasswordConfirmation;
import dev.saasapi.accounts.entity.AccountDeletion;
import dev.saasapi.accounts.entity.EmailUpdate;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.identity.control.Caller;
import dev.saasapi.identity.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The account of the caller, identified by the access token's subject. */
@Path("users/me")
@ApplicationScoped
@RolesAllowed(Roles.USER)
public class UsersResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    CallerAccount account;

    @Inject
    Caller caller;

    @Inject
    PasswordConfirmation passwords;

    @Inject
    AccountChanges accounts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserView me() {
        return account.view();
    }

    /**
     * Merge-patch semantics (RFC 7396), so clients may label the body either way. A new email is what
     * takes over an account (through a password reset to it), so it needs the password or a recent login.
     */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Produces(MediaType.APPLICATION_JSON)
    public UserView update(@Valid EmailUpdate body) {
        requireBody(body);
        User user = account.user();
        if (body.email() == null || body.email().equals(user.email())) {
            return UserView.of(user);
        }
        String verifiedHash = passwords.confirmUnlessRecent(user, body.currentPassword(), caller.authenticatedAt());
        return UserView.of(accounts.changeEmail(user.id(), verifiedHash, body.email()));
    }

    /** Deletes the account with its sessions; the email can be registered again at once. */
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@Valid AccountDeletion body) {
        requireBody(body);
        User user = account.user();
        accounts.delete(user.id(), passwords.confirm(user, body.currentPassword()));
        return Response.noContent().build();
    }
}
