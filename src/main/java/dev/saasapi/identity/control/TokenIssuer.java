package dev.saasapi.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.identity.entity.Roles;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs the access tokens that MicroProfile JWT verifies on every protected request. */
@ApplicationScoped
public class TokenIssuer {

    private final Clock clock = Clock.systemUTC();

    @Inject
    TokenSettings settings;

    /** Without Payara's MicroProfile JWT principal, {@code @Inject JsonWebToken} cannot work: fail the deployment. */
    static void requireRuntimeSupport(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        MicroProfileJwtPrincipals.requireRuntimeSupport();
    }

    /**
     * A token for the user with this id, in this session; {@code sub} is the id, never the email, which
     * may change. Its {@code iat} is never before {@code notBefore}, the user's last revocation rounded
     * up to a second, so that a token issued just after a revocation is not mistaken for one before it.
     * A platform admin's token also carries the {@code admin} group.
     */
    public AccessToken issue(UUID userId, UUID sessionId, Instant authenticatedAt, Instant notBefore, boolean admin) {
        Instant now = clock.instant();
        Instant issuedAt = now.isBefore(notBefore) ? notBefore : now;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(userId.toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(settings.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("groups", admin ? List.of(Roles.USER, Roles.ADMIN) : List.of(Roles.USER))
                .claim(Caller.SESSION_CLAIM, sessionId.toString())
                .claim(Caller.AUTHENTICATED_AT_CLAIM, authenticatedAt.getEpochSecond())
                .build();
        JWSHeader header = new JWSHeader.Builder(settings.key().algorithm())
                .type(JOSEObjectType.JWT)
                .keyID(settings.key().keyId())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(settings.key().signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the access token", e);
        }
        return new AccessToken(jwt.serialize(), settings.lifetime().toSeconds());
    }

    /** A signed token and its lifetime in seconds. */
    public record AccessToken(String value, long expiresInSeconds) {}
}
