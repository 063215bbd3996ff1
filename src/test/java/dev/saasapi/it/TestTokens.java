package dev.saasapi.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Access tokens made by the test itself: valid ones with chosen claims, and forgeries. */
public final class TestTokens {

    private TestTokens() {}

    /** Claims as the server issues them, for the given subject. */
    public static JWTClaimsSet.Builder validClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("saas-api")
                .audience("saas-api")
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("groups", List.of("user"));
    }

    /** Signed with the server's own key (the one the test environment gave it). */
    public static String signedByServerKey(String subject, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(serverKey(), claims.apply(validClaims(subject)).build());
    }

    /** Well-formed and RS256, but signed by a key the server has never seen. */
    public static String signedByForeignKey(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    generator.generateKeyPair().getPrivate(),
                    validClaims(subject).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256, as the FastAPI template signs: MicroProfile JWT must refuse it. */
    public static String hs256(String subject, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    validClaims(subject).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the server's own key and valid claims, under the given header. */
    public static String signedByServerKey(JWSHeader header, JWTClaimsSet claims) {
        return sign(serverKey(), header, claims);
    }

    /** An RS256 header of the kind the server issues (without {@code kid}). */
    public static JWSHeader.Builder rs256Header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
    }

    public static String sign(PrivateKey key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            JWSSigner signer = new RSASSASigner(key);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(PrivateKey key, JWTClaimsSet claims) {
        return sign(key, rs256Header().build(), claims);
    }

    /** The public half of the server's key, derived from the private key the test environment made. */
    public static RSAPublicKey serverPublicKey() {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) serverKey();
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh 2048-bit RSA key pair the server has never seen. */
    public static KeyPair foreignKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code header.payload.}) with the given, possibly oddly spelled, {@code alg}. */
    public static String unsigned(String alg, JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static PrivateKey serverKey() {
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(TestEnvironment.PRIVATE_KEY_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session ({@code sid}) of the access token in a token response. */
    public static UUID sessionOf(JsonObject tokens) throws java.text.ParseException {
        return UUID.fromString(SignedJWT.parse(tokens.getString("access_token"))
                .getJWTClaimsSet()
                .getStringClaim("sid"));
    }
}
