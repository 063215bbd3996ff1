package dev.saasapi.identity.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks an access token completely, once per request, following RFC 8725: the
 * algorithm must be the one of the key the token names (so {@code none}, HMAC keyed with the public
 * key and other algorithms fail), the key must be one of ours (a {@code jku}, {@code x5u}, {@code jwk}
 * or {@code x5c} header is refused outright and never fetched), {@code typ} must be JWT, and {@code
 * iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} and {@code jti} must all be present and
 * right ({@code aud} our audience alone), {@code nbf} and {@code iat} not in the future. The key set is parsed once, not per request.
 * Payara's own MicroProfile JWT verification, which this replaces, checks less ({@code nbf} not at
 * all), rebuilds the public key from its text on every request and logs refusals with a stack trace.
 *
 * <p>A client sends the same token with every request until it expires, so a token that passed is
 * remembered until its {@code exp} and not verified again (signature and claims): the key set cannot
 * change while the server runs, and what can change (session revoked, account disabled) is checked on
 * every request after this. Only tokens signed with our key get in, by the SHA-256 of their text, so a
 * stranger can neither fill the memory nor probe it by timing; refusals are never remembered.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** Tolerated clock difference between instances for {@code iat}; {@code exp} gets none, as in MicroProfile JWT. */
    private static final Duration ISSUED_AT_SKEW = Duration.ofSeconds(60);

    private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat", "auth_time");
    private static final double MAX_SECONDS = 253_402_300_799d;

    @Inject
    TokenSettings settings;

    /** Under 10 MB (claims of about 2 KB each); more active tokens than this are verified again. */
    static final int REMEMBERED_TOKENS = 4_096;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    private final Cache<ByteBuffer, JWTClaimsSet> verified = Caffeine.newBuilder()
            .executor(Runnable::run) // its upkeep on the request's thread, not on a pool the container does not manage
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfter(Expiry.<ByteBuffer, JWTClaimsSet>creating((digest, claims) ->
                    Duration.between(Instant.now(), claims.getExpirationTime().toInstant())))
            .build();

    /**
     * A checked token: its verified claims, or why it was refused (safe to log: printable, no token
     * content).
     */
    public record Verification(JWTClaimsSet claims, String rejection) {

        static Verification refused(String reason) {
            return new Verification(null, reason);
        }
    }

    /**
     * The one place where a client's token text is parsed. The JOSE library throws unchecked
     * exceptions on some well-formed JSON of the wrong shape (a header that is {@code null}, a claim
     * of the wrong type deep inside), so every failure of any kind becomes a refusal here: a 401,
     * never a 500, whatever the next such input is.
     */
    public Verification verify(String token) {
        ByteBuffer digest = sha256(token);
        JWTClaimsSet remembered = verified.getIfPresent(digest);
        // the cache drops an entry at its expiry on its own clock; the token's own time decides
        if (remembered != null) {
            if (remembered.getExpirationTime().after(new Date())) {
                return new Verification(remembered, null);
            }
            verified.invalidate(digest);
        }
        Verification verification;
        try {
            verification = check(token);
        } catch (RuntimeException e) {
            return Verification.refused("malformed token (" + e.getClass().getSimpleName() + ")");
        }
        if (verification.claims() != null) {
            verified.put(digest, verification.claims());
        }
        return verification;
    }

    private static ByteBuffer sha256(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Verification check(String token) {
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
        JWTClaimsSet claims;
        try {
            claims = processor().process(jwt, null);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return Verification.refused(Printable.of(e.getMessage() == null ? "rejected" : e.getMessage()));
        }
        Map<String, Object> payload = jwt.getPayload().toJSONObject();
        for (String time : TIME_CLAIMS) {
            // a member present as null counts as present for the library's required-claims check,
            // and is then skipped by its expiry check: a token with "exp":null would never expire
            if (payload.containsKey(time) && !(payload.get(time) instanceof Number number && inDateRange(number))) {
                return Verification.refused("JWT " + time + " claim is not a time");
            }
        }
        return new Verification(claims, null);
    }

    /**
     * Seconds from 1970 to the year 9999. The JOSE library multiplies a time claim by 1000 in a long,
     * so a larger {@code nbf} or {@code iat} wraps into the past and would pass its check.
     */
    private static boolean inDateRange(Number seconds) {
        double value = seconds.doubleValue();
        return value >= 0 && value <= MAX_SECONDS;
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
                        for (String identifier : List.of("sub", "jti")) {
                            if (!(claimsSet.getClaim(identifier) instanceof String id) || !isUuid(id)) {
                                throw new BadJWTException("JWT " + identifier + " claim is not an id we issue");
                            }
                        }
                        if (claimsSet.getAudience().size() != 1) {
                            throw new BadJWTException("JWT aud claim names other audiences than ours");
                        }
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

    /** Our subjects (account ids) and token ids are UUIDs; nimbus reads a number there as its text. */
    private static boolean isUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
