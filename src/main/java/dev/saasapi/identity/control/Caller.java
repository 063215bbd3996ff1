package dev.saasapi.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the request's verified access token says is calling. Whether that account still exists and
 * still accepts the token is the accounts feature's question. Application-scoped, because the
 * injected request is a proxy for the current one: no bean is created per request.
 *
 * <p>The token is the request's caller principal, which {@code BearerTokenMechanism} made a
 * {@link JsonWebToken}. Not {@code @Inject JsonWebToken}: Payara produces that bean anew for every
 * request, with a naming lookup of the bean manager each time (7% of a {@code GET /users/me}, BENCHMARKS.md).
 */
@ApplicationScoped
public class Caller {

    /** The session the token was issued for (OpenID Connect's claim name). */
    public static final String SESSION_CLAIM = "sid";
    /** When the password was last proven in that session (OpenID Connect's claim name). */
    public static final String AUTHENTICATED_AT_CLAIM = "auth_time";

    @Inject
    HttpServletRequest request;

    /** The account id in {@code sub}; empty if the subject is not one of our ids. */
    public Optional<UUID> accountId() {
        JsonWebToken token = tokenIfAny();
        try {
            return token == null ? Optional.empty() : Optional.of(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The token's {@code iat}, in seconds since the epoch. */
    public long issuedAt() {
        return token().getIssuedAtTime();
    }

    /** Empty for tokens issued without a session. */
    public Optional<UUID> sessionId() {
        JsonWebToken token = tokenIfAny();
        Object claim = token == null ? null : token.getClaim(SESSION_CLAIM);
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** When the caller last proved the password; the token's issue time when it does not say. */
    public Instant authenticatedAt() {
        JsonWebToken token = token();
        Object claim = token.getClaim(AUTHENTICATED_AT_CLAIM);
        if (claim instanceof JsonNumber json) {
            return Instant.ofEpochSecond(json.longValue());
        }
        if (claim instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        return Instant.ofEpochSecond(token.getIssuedAtTime());
    }

    /** The request's token; a request without one never reaches a protected resource. */
    private JsonWebToken token() {
        JsonWebToken token = tokenIfAny();
        if (token == null) {
            throw new IllegalStateException("no access token: the resource is not protected");
        }
        return token;
    }

    /** The request's token or API key principal; null when it has none. */
    JsonWebToken tokenIfAny() {
        try {
            return request.getUserPrincipal() instanceof JsonWebToken token ? token : null;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null; // a request context without an HTTP request behind it: no caller
        }
    }
}
