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
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an access token completely, once per request, following RFC 8725: the
 * algorithm must be the one of the key the token names (so {@code none}, HMAC keyed with the public
 * key and other algorithms fail), the key must be one of ours (a {@code jku}, {@code x5u}, {@code jwk}
 * or {@code x5c} header is refused outright and never fetched), {@code typ} must be JWT, and {@code
 * iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} and {@code jti} must all be present and
 * right, {@code nbf} and {@code iat} not in the future. The key set is parsed once, not per request.
 * Payara's own MicroProfile JWT verification, which this replaces, checks less ({@code nbf} not at
 * all), rebuilds the public key from its text on every request and logs refusals with a stack trace.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** Tolerated clock difference between instances for {@code iat}; {@code exp} gets none, as in MicroProfile JWT. */
    private static final Duration ISSUED_AT_SKEW = Duration.ofSeconds(60);

    @Inject
    TokenSettings settings;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    /**
     * A checked token: its verified claims, or why it was refused (safe to log: printable, no token
     * content).
     */
    public record Verification(JWTClaimsSet claims, String rejection) {

        static Verification refused(String reason) {
            return new Verification(null, reason);
        }
    }

    public Verification verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Verification.refused("not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (header.getJWKURL() != null
                || header.getX509CertURL() != null
                || header.getJWK() != null
                || header.getX509CertChain() != null) {
            return Verification.refused("the header names its own key (jku, x5u, jwk or x5c)");
        }
        try {
            return new Verification(processor().process(jwt, null), null);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return Verification.refused(Printable.of(e.getMessage() == null ? "rejected" : e.getMessage()));
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            current = processor = processorFor(settings);
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
