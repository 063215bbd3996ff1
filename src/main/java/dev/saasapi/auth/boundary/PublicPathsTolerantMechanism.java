package dev.saasapi.auth.boundary;

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
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * MicroProfile JWT validates the bearer token of every request, public or not, so a client that
 * sends its expired token along with a login would be refused the login that would renew it. This
 * mechanism leaves public paths alone and hands every other request to Payara's MicroProfile JWT
 * mechanism. Paths not listed here are protected: a new endpoint is safe by default.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class PublicPathsTolerantMechanism implements HttpAuthenticationMechanism {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    private static final List<String> PUBLIC_PREFIXES = List.of("/auth/", "/docs", "/webjars/", "/openapi");

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism jwt;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return context.doNothing();
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
