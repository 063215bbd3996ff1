package dev.saasapi.accounts.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.control.PasswordHasher;
import dev.saasapi.accounts.entity.Registration;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import jakarta.annotation.security.PermitAll;
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
import java.net.URI;

/**
 * Creates an account; the client logs in with it at once (unless {@code REQUIRE_EMAIL_VERIFICATION}),
 * and the address is sent a link that verifies it.
 */
@Path("auth/register")
@ApplicationScoped
@PermitAll
public class RegistrationResource {

    @Inject
    Accounts accounts;

    @Inject
    RateLimits limits;

    @Inject
    PasswordHasher hasher;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@Valid Registration body, @Context HttpServletRequest request) {
        requireBody(body);
        limits.requirePerAddress(RateLimitSettings.REGISTER_VARIABLE, request);
        // Hash before touching the database: no connection is held during the slow hash,
        // and a taken email costs the same time as a free one.
        User user = accounts.register(body.email(), hasher.hash(body.password()));
        return Response.created(URI.create("/users/me"))
                .entity(UserView.of(user))
                .build();
    }
}
