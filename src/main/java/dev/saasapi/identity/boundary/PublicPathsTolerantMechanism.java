package dev.saasapi.identity.boundary;

import dev.saasapi.identity.control.AccessTokenVerifier;
import dev.saasapi.identity.control.RejectedTokenLog;
import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.platform.http.control.RequestIds;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The gate every request passes before any resource runs. MicroProfile JWT validates the bearer
 * token of every request, public or not, so a client that sends its expired token along with a login
 * would be refused the login that would renew it: public paths are left alone. Every other request
 * with a bearer token has it checked by {@link AccessTokenVerifier} (stricter than MicroProfile JWT,
 * and logged in one line) and then goes to Payara's MicroProfile JWT mechanism, which establishes the
 * caller. Paths not listed here are protected: a new endpoint is safe by default.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class PublicPathsTolerantMechanism implements HttpAuthenticationMechanism {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    private static final List<String> PUBLIC_PREFIXES =
            List.of("/auth/", "/docs", "/webjars/", "/openapi", "/.well-known/");
    /** Under a public prefix, but it acts on the caller's session. */
    private static final String LOGOUT = "/auth/logout";
    /** Our tokens are under 1 KiB; room for 8 KiB of garbage to be refused as a token, not as a header. */
    static final int MAX_AUTHORIZATION_LENGTH = 12 * 1024;

    private static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

    @Inject
    BeanManager beans;

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

    private volatile HttpAuthenticationMechanism jwt;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        RequestIds.assign(request); // this runs before any filter: its log lines name the request too
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization != null && authorization.length() > MAX_AUTHORIZATION_LENGTH) {
            return refuse(response, REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith) && !path.startsWith(LOGOUT)) {
            return context.doNothing();
        }
        if (hasBearerScheme(authorization)) {
            Optional<String> rejection = verifier.rejectionReason(
                    authorization.substring(BEARER.length()).strip());
            if (rejection.isPresent()) {
                invalidTokens.inc();
                rejections.rejected(rejection.get(), request.getRemoteAddr(), Printable.of(path));
                return context.responseUnauthorized();
            }
        }
        return jwt().validateRequest(withCanonicalBearerScheme(request), response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        return jwt().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        jwt().cleanSubject(request, response, context);
    }

    private static boolean hasBearerScheme(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * Authentication schemes are case-insensitive (RFC 9110, section 11.1), but MicroProfile JWT looks
     * for "Bearer " exactly; "bearer" and "BEARER" are rewritten so that they are not refused.
     */
    private static HttpServletRequest withCanonicalBearerScheme(HttpServletRequest request) {
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization == null
                || authorization.startsWith(BEARER)
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return request;
        }
        String canonical = BEARER + authorization.substring(BEARER.length());
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? canonical : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(canonical))
                        : super.getHeaders(name);
            }
        };
    }

    /** Payara's MicroProfile JWT mechanism: the other bean of this type (it is added by an extension). */
    private HttpAuthenticationMechanism jwt() {
        HttpAuthenticationMechanism mechanism = jwt;
        if (mechanism == null) {
            for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class)) {
                if (!bean.getTypes().contains(PublicPathsTolerantMechanism.class)) {
                    mechanism = (HttpAuthenticationMechanism) beans.getReference(
                            bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
                    break;
                }
            }
            if (mechanism == null) {
                throw new IllegalStateException("MicroProfile JWT's authentication mechanism is not installed");
            }
            jwt = mechanism;
        }
        return mechanism;
    }
}
