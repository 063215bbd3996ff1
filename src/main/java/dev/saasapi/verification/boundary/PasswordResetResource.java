package dev.saasapi.verification.boundary;

import static dev.saasapi.platform.problems.control.MalformedBodyException.requireBody;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import dev.saasapi.platform.secrets.control.InvalidEmailTokenException;
import dev.saasapi.verification.entity.MailRequest;
import dev.saasapi.verification.entity.MailRequestAccepted;
import dev.saasapi.verification.entity.PasswordReset;
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

/** A forgotten password: a link by mail, then a new password with the link's token. */
@Path("auth/password-reset")
@ApplicationScoped
@PermitAll
public class PasswordResetResource {

    static final MailRequestAccepted ACCEPTED = new MailRequestAccepted(
            "If this address belongs to an account, a link to reset its password is on its way.");

    @Inject
    RateLimits limits;

    @Inject
    AccountMailer mailer;

    @Inject
    MailRequests requests;

    @Inject
    Accounts accounts;

    /** 202 and the same body for every address, known or not. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(@Valid MailRequest body, @Context HttpServletRequest request) {
        requireBody(body);
        requests.passwordReset(body.email(), request);
        return Response.accepted(ACCEPTED).build();
    }

    /** Every session of the account ends and every access token issued before is refused at once. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@Valid PasswordReset body, @Context HttpServletRequest request) {
        requireBody(body);
        limits.requirePerAddress(RateLimitSettings.TOKEN_VARIABLE, request);
        // no slow hash for a token that cannot work; it is checked again, atomically, when used
        if (!mailer.resetTokenUsable(body.token())) {
            throw new InvalidEmailTokenException();
        }
        mailer.resetPassword(body.token(), accounts.hashNewPassword(body.newPassword()));
        return Response.noContent().build();
    }
}
