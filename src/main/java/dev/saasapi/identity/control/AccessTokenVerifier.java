package dev.saasapi.identity.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.saasapi.platform.http.control.Printable;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an access token completely before MicroProfile JWT sees it, following RFC 8725: the
 * algorithm must be the one of the key the token names (so {@code none}, HMAC keyed with the public
 * key and other algorithms fail), the key must be one of ours (a {@code jku}, {@code x5u}, {@code jwk}
 * or {@code x5c} header is refused outright and never fetched), {@code typ} must be JWT, and {@code
 * iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} and {@code jti} must all be present and
 * right, {@code nbf} and {@code iat} not in the future. MicroProfile JWT checks less ({@code nbf} not
 * at all) and logs every refusal with a stack trace; this check refuses first, with a one-line reason.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** Tolerated clock difference between instances for {@code iat}; {@code exp} gets none, as in MicroProfile JWT. */
    private static final Duration ISSUED_AT_SKEW = Duration.ofSeconds(60);

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    /** Empty when the token is valid, otherwise why it is not, safe to log (printable, no token content). */
    public Optional<String> rejectionReason(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Optional.of("not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (header.getJWKURL() != null
                || header.getX509CertURL() != null
                || header.getJWK() != null
                || header.getX509CertChain() != null) {
            return Optional.of("the header names its own key (jku, x5u, jwk or x5c)");
        }
        try {
            processor().process(jwt, null);
            return Optional.empty();
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return Optional.of(Printable.of(e.getMessage() == null ? "rejected" : e.getMessage()));
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            current = processor = processorFor(TokenSettings.current());
        }
        return current;
    }

    static DefaultJWTProcessor<SecurityContext> processorFor(TokenSettings settings) {
        JWKSet keys = settings.verificationKeys();
        Set<JWSAlgorithm> algorithms = keys.getKeys().stream()
                .map(JWK::getAlgorithm)
                .map(alg -> JWSAlgorithm.parse(alg.getName()))
                .collect(Collectors.toUnmodifiableSet());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(
                        settings.audience(),
                        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                        Set.of("sub", "iat", "exp", "jti")) {
                    @Override
                    public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                        super.verify(claimsSet, context);
                        Date issuedAt = claimsSet.getIssueTime();
                        if (issuedAt.toInstant().isAfter(Instant.now().plus(ISSUED_AT_SKEW))) {
                            throw new BadJWTException("JWT issued in the future");
                        }
                    }
                };
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
