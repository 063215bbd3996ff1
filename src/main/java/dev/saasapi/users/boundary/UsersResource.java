package dev.saasapi.users.boundary;

import static dev.saasapi.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.Roles;
import dev.saasapi.users.control.EmailTakenException;
import dev.saasapi.users.control.UnknownAccountException;
import dev.saasapi.users.control.UserStore;
import dev.saasapi.users.entity.EmailUpdate;
import dev.saasapi.users.entity.User;
import dev.saasapi.users.entity.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account of the caller, identified by the access token's subject. */
@Path("users/me")
@RequestScoped
@RolesAllowed(Roles.USER)
public class UsersResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    JsonWebToken token;

    @Inject
    UserStore users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserView me() {
        return UserView.of(caller());
    }

    /** Merge-patch semantics (RFC 7396), so clients may label the body either way. */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public UserView update(@Valid EmailUpdate body) {
        requireBody(body);
        User user = caller();
        if (body.email() != null && !body.email().equals(user.email())) {
            users.findByEmail(body.email())
                    .filter(other -> !other.id().equals(user.id()))
                    .ifPresent(other -> {
                        throw new EmailTakenException();
                    });
            user.changeEmail(body.email());
            users.flush();
        }
        return UserView.of(user);
    }

    private User caller() {
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownAccountException();
        }
        return users.findById(id).filter(User::active).orElseThrow(UnknownAccountException::new);
    }
}
