package dev.saasapi.verification.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import dev.saasapi.verification.entity.EmailTokenUse;
import dev.saasapi.verification.entity.MailRequest;
import dev.saasapi.verification.entity.MailRequestAccepted;
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

/** The verification link's token proves the address; a new link can be asked for by address. */
@Path("auth/verify-email")
@ApplicationScoped
@PermitAll
public class EmailVerificationResource {

    static final MailRequestAccepted ACCEPTED = new MailRequestAccepted(
            "If this address belongs to an account that is not verified yet, a new link is on its way.");

    @Inject
    RateLimits limits;

    @Inject
    AccountMailer mailer;

    @Inject
    MailRequests requests;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public UserView verify(@Valid EmailTokenUse body, @Context HttpServletRequest request) {
        requireBody(body);
        limits.requirePerAddress(RateLimitSettings.TOKEN_VARIABLE, request);
        return UserView.of(mailer.verify(body.token()));
    }

    /** 202 and the same body for every address, known or not, verified or not. */
    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend(@Valid MailRequest body, @Context HttpServletRequest request) {
        requireBody(body);
        requests.verification(body.email(), request);
        return Response.accepted(ACCEPTED).build();
    }
}
