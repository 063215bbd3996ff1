package dev.saasapi.users.control;

import dev.saasapi.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account the request's access token names. Loading it is also where revocation is checked: a
 * token issued before the account's last "log out everywhere" or password change is refused here,
 * with the one primary-key lookup every protected request makes anyway. Application-scoped, because
 * the injected token is a proxy for the current request's: no bean is created per request.
 */
@ApplicationScoped
public class Caller {

    /** The session the token was issued for (OpenID Connect's claim name). */
    public static final String SESSION_CLAIM = "sid";
    /** When the password was last proven in that session (OpenID Connect's claim name). */
    public static final String AUTHENTICATED_AT_CLAIM = "auth_time";

    @Inject
    JsonWebToken token;

    @Inject
    UserStore users;

    /** @throws UnknownAccountException if the token was revoked or its account is gone or disabled */
    public User user() {
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownAccountException();
        }
        return users.findById(id)
                .filter(User::active)
                .filter(user -> user.acceptsTokenIssuedAt(token.getIssuedAtTime()))
                .orElseThrow(UnknownAccountException::new);
    }

    /** Empty for tokens issued without a session. */
    public Optional<UUID> sessionId() {
        Object claim = token.getClaim(SESSION_CLAIM);
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** When the caller last proved the password; the token's issue time when it does not say. */
    public Instant authenticatedAt() {
        Object claim = token.getClaim(AUTHENTICATED_AT_CLAIM);
        if (claim instanceof JsonNumber json) {
            return Instant.ofEpochSecond(json.longValue());
        }
        if (claim instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        return Instant.ofEpochSecond(token.getIssuedAtTime());
    }
}
