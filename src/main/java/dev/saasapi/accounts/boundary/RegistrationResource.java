package dev.saasapi.accounts.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.control.EmailTakenException;
import dev.saasapi.accounts.control.PasswordHasher;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.AccountRegistered;
import dev.saasapi.accounts.entity.Registration;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Creates an account; the client logs in with it at once (unless {@code REQUIRE_EMAIL_VERIFICATION}),
 * and the address is sent a link that verifies it.
 */
@Path("auth/register")
@RequestScoped
@PermitAll
public class RegistrationResource {

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<AccountRegistered> registered;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(@Valid Registration body) {
        requireBody(body);
        // Hash before touching the database: no connection is held during the slow hash,
        // and a taken email costs the same time as a free one.
        String hash = hasher.hash(body.password());
        if (users.findByEmail(body.email()).isPresent()) {
            throw new EmailTakenException();
        }
        User user = users.add(new User(body.email(), hash));
        registered.fire(new AccountRegistered(user.id(), user.email()));
        return Response.created(URI.create("/users/me"))
                .entity(UserView.of(user))
                .build();
    }
}
