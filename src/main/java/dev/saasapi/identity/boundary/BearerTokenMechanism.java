package dev.saasapi.identity.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.saasapi.identity.control.AccessTokenVerifier;
import dev.saasapi.identity.control.AccessTokenVerifier.Verification;
import dev.saasapi.identity.control.ApiKeyCaller;
import dev.saasapi.identity.control.ApiKeyFormat;
import dev.saasapi.identity.control.MicroProfileJwtPrincipals;
import dev.saasapi.identity.control.PublicRoutes;
import dev.saasapi.identity.control.RejectedTokenLog;
import dev.saasapi.identity.entity.Roles;
import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.platform.http.control.RequestIds;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The gate every request passes before any resource runs, and the one place a bearer token is
 * verified, once per request. The caller it establishes is Payara's own MicroProfile JWT principal,
 * so {@code @Inject JsonWebToken}, {@code @Claim} and {@code @RolesAllowed} work as they do with
 * Payara's MicroProfile JWT mechanism, which this alternative replaces: that one is never called.
 * Paths the code declares public ({@link PublicRoutes}) are left alone; everywhere else a bad token is
 * refused with 401, and no token leaves the request without a caller (a protected resource refuses it).
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    /** Our tokens are under 1 KiB; room for 8 KiB of garbage to be refused as a token, not as a header. */
    static final int MAX_AUTHORIZATION_LENGTH = 12 * 1024;

    private static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;
    /**
     * The caller of this request: the container asks again when a resource method is {@code @PermitAll}
     * (its roles filter calls {@code SecurityContext.authenticate}), and the token is not verified twice.
     */
    private static final String CALLER = BearerTokenMechanism.class.getName() + ".caller";

    private record Caller(JsonWebToken token, Set<String> groups) {}

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RejectedTokenLog rejections;

    @Inject
    @Metric(
            name = "auth_invalid_tokens",
            absolute = true,
            description = "Requests refused for a bearer token that is not valid")
    Counter invalidTokens;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        RequestIds.assign(request); // this runs before any filter: its log lines name the request too
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization != null && authorization.length() > MAX_AUTHORIZATION_LENGTH) {
            return refuse(response, REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        // authentication schemes are case-insensitive (RFC 9110, section 11.1)
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return context.doNothing(); // a protected resource answers 401 itself
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PublicRoutes.isPublic(request.getServletContext(), path)) {
            return context.doNothing();
        }
        String credential = authorization.substring(BEARER.length()).strip();
        Caller caller = request.getAttribute(CALLER) instanceof Caller verified
                ? verified
                : credential.startsWith(ApiKeyFormat.PREFIX)
                        ? apiKey(request, credential, path)
                        : verify(request, credential, path);
        if (caller == null) {
            return context.responseUnauthorized();
        }
        // where Payara's producers of JsonWebToken and @Claim values look, as its own mechanism does
        context.getClientSubject().getPrincipals().add(caller.token());
        return context.notifyContainerAboutLogin(caller.token(), caller.groups());
    }

    /** The caller the token names, or null (logged and counted) when the token is not valid. */
    private Caller verify(HttpServletRequest request, String token, String path) {
        Verification verification = verifier.verify(token);
        if (verification.claims() == null) {
            invalidTokens.inc();
            rejections.rejected(verification.rejection(), request.getRemoteAddr(), Printable.of(path));
            return null;
        }
        JsonWebToken jwt = MicroProfileJwtPrincipals.of(verification.claims(), token);
        Set<String> groups = jwt.getGroups();
        Caller caller = new Caller(jwt, groups == null ? Set.of() : groups);
        request.setAttribute(CALLER, caller);
        return caller;
    }

    /**
     * An API key whose form and checksum are right becomes a caller in the {@code api-key} group; a
     * mistyped or made-up one is refused here, without a database lookup. Whether the key exists and
     * is still valid is asked once the request reaches an endpoint keys may use ({@link ApiKeyCaller}),
     * where a database outage is answered like any other.
     */
    private Caller apiKey(HttpServletRequest request, String key, String path) {
        if (!ApiKeyFormat.wellFormed(key)) {
            invalidTokens.inc();
            rejections.rejected("not a well-formed API key", request.getRemoteAddr(), Printable.of(path));
            return null;
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(ApiKeyFormat.shown(key))
                .claim(Claims.groups.name(), List.of(Roles.API_KEY))
                .claim(ApiKeyCaller.KEY_HASH_CLAIM, ApiKeyFormat.hash(key))
                .issueTime(new Date())
                .build();
        // the key itself stays out of the principal: nothing that reads the caller can leak it
        JsonWebToken principal = MicroProfileJwtPrincipals.of(claims, ApiKeyFormat.shown(key));
        Caller caller = new Caller(principal, Set.of(Roles.API_KEY));
        request.setAttribute(CALLER, caller);
        return caller;
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
