package dev.saasapi.sessions.boundary;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.VerifiedPassword;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.bodies.control.RequestBodies;
import dev.saasapi.platform.bodies.control.UrlEncodedForm;
import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import dev.saasapi.sessions.control.GrantOutcomes;
import dev.saasapi.sessions.control.InvalidCredentialsException;
import dev.saasapi.sessions.control.InvalidRefreshTokenException;
import dev.saasapi.sessions.control.UnsupportedGrantTypeException;
import dev.saasapi.sessions.entity.Session;
import dev.saasapi.sessions.entity.TokenResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The OAuth2 token endpoints: password and refresh-token grants. */
@Path("auth")
@ApplicationScoped
@PermitAll
public class AuthResource {

    private static final Set<String> CREDENTIAL_FIELDS = Set.of("username", "password", "refresh_token");
    private static final String PASSWORD_GRANT = "password";
    private static final String REFRESH_TOKEN_GRANT = "refresh_token";
    private static final String NOT_BLANK = "must not be blank";

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses clients;

    @Inject
    Accounts accounts;

    @Inject
    SessionLifecycle sessions;

    @Inject
    Event<SecurityEvent> audit;

    @Inject
    GrantOutcomes outcomes;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(InputStream body, @Context UriInfo uri, @Context HttpServletRequest request) {
        Map<String, String> form = tokenRequest(body, uri);
        String grantType = form.get("grant_type");
        if (REFRESH_TOKEN_GRANT.equals(grantType)) {
            // RFC 6749 6: OAuth2 clients refresh at the endpoint that issued the token
            limits.requirePerAddress(RateLimitSettings.REFRESH_VARIABLE, request);
            return tokenResponse(refresh(form));
        }
        if (grantType != null && !grantType.isEmpty() && !PASSWORD_GRANT.equals(grantType)) {
            throw new UnsupportedGrantTypeException("grant_type=password or grant_type=refresh_token");
        }
        String username = form.get("username");
        String password = form.get("password");
        requireFields(username, password);
        limits.requirePerAddress(RateLimitSettings.LOGIN_VARIABLE, request);
        Optional<User> account = accounts.findForLogin(username);
        // the account's own spelling: every form of an email that finds the account (capitals, or
        // letters the database lower-cases differently from Java) shares one wait
        RateLimits.LoginAttempt attempt =
                limits.loginAttempt(account.map(User::email).orElse(username));
        VerifiedPassword login = accounts.verifyLogin(account, password).orElse(null);
        if (login == null) {
            attempt.failed();
            outcomes.login(false);
            // the typed name is not recorded: people type passwords into it
            audit.fire(SecurityEvent.failure("login.failed")
                    .account(account.map(User::id).orElse(null))
                    .by(SecurityEvent.Actor.anonymous()));
            throw new InvalidCredentialsException();
        }
        attempt.succeeded();
        TokenResponse tokens;
        try {
            tokens = sessions.start(
                    login,
                    ClientInfo.userAgent(request),
                    Printable.storable(clients.of(request), Session.MAX_IP_ADDRESS_LENGTH));
        } catch (InvalidCredentialsException e) {
            outcomes.login(false); // the password changed, or the account went, while this login was hashing
            throw e;
        }
        outcomes.login(true);
        return tokenResponse(tokens);
    }

    /** The OAuth2 refresh-token grant (RFC 6749, section 6): a used refresh token ends its session. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(InputStream body, @Context UriInfo uri, @Context HttpServletRequest request) {
        Map<String, String> form = tokenRequest(body, uri);
        String grantType = form.get("grant_type");
        if (grantType != null && !grantType.isEmpty() && !REFRESH_TOKEN_GRANT.equals(grantType)) {
            throw new UnsupportedGrantTypeException("grant_type=refresh_token");
        }
        limits.requirePerAddress(RateLimitSettings.REFRESH_VARIABLE, request);
        return tokenResponse(refresh(form));
    }

    private TokenResponse refresh(Map<String, String> form) {
        String token = form.get("refresh_token");
        if (token == null || token.isBlank()) {
            throw new InvalidFieldsException(
                    List.of(new Problem.FieldError("refresh_token", NOT_BLANK)), OAuthError.INVALID_REQUEST);
        }
        try {
            TokenResponse tokens = sessions.refresh(token.strip());
            outcomes.refresh(true);
            return tokens;
        } catch (InvalidRefreshTokenException e) {
            outcomes.refresh(false);
            throw e;
        }
    }

    /** The form of a token request; credentials in the URL are refused, because URLs are logged. */
    private static Map<String, String> tokenRequest(InputStream body, UriInfo uri) {
        // RFC 6749 3.2: credentials travel in the body; a URL ends up in logs and browser history
        if (uri.getQueryParameters().keySet().stream().anyMatch(CREDENTIAL_FIELDS::contains)) {
            throw new MalformedBodyException(
                    "Send credentials and tokens in the form body, never in the URL: the URL is logged.",
                    OAuthError.INVALID_REQUEST);
        }
        try {
            return UrlEncodedForm.parse(RequestBodies.read(body));
        } catch (MalformedBodyException e) {
            throw new MalformedBodyException(e.detail(), OAuthError.INVALID_REQUEST);
        }
    }

    /** RFC 6749 5.1: responses carrying tokens must not be cached. */
    static Response tokenResponse(TokenResponse tokens) {
        return Response.ok(tokens)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /** Checked here: MicroProfile OpenAPI cannot document Bean Validation on form parameters. */
    private static void requireFields(String username, String password) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (username == null || username.isBlank()) {
            missing.add(new Problem.FieldError("username", NOT_BLANK));
        }
        if (password == null) {
            missing.add(new Problem.FieldError("password", "must not be null"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldsException(missing, OAuthError.INVALID_REQUEST);
        }
    }
}
