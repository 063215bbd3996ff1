package dev.saasapi.identity.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.it.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forged, altered and malformed access tokens (RFC 8725's list and more): every one is refused with
 * 401, {@code WWW-Authenticate: Bearer error="invalid_token"} and a problem body.
 */
class AccessTokenIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";

    private String subject;
    private String issuedToken;

    @BeforeEach
    void registerAccount() {
        issuedToken = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        subject = Api.json(api.get("/users/me", issuedToken)).getString("id");
        assertEquals(200, api.get("/users/me", valid(c -> c)).statusCode(), "the baseline token must be accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void refusesUnsignedTokensWhateverTheSpellingOfNone(String alg) {
        String unsigned = TestTokens.unsigned(alg, claims(c -> c));

        assertInvalidToken(unsigned);
        assertInvalidToken(unsigned.substring(0, unsigned.length() - 1));
    }

    @Test
    void refusesHs256KeyedWithTheServersPublicKey() {
        RSAPublicKey publicKey = TestTokens.serverPublicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertInvalidToken(TestTokens.hs256(subject, pem.getBytes(StandardCharsets.US_ASCII)));
        assertInvalidToken(TestTokens.hs256(subject, publicKey.getEncoded()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "RS512", "PS256"})
    void refusesAValidSignatureMadeWithAnotherAlgorithm(String alg) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(alg))
                .type(com.nimbusds.jose.JOSEObjectType.JWT)
                .build();

        assertInvalidToken(TestTokens.signedByServerKey(header, claims(c -> c)));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        assertInvalidToken(TestTokens.signedByForeignKey(subject));
    }

    @Test
    void refusesWrongIssuerAndWrongOrMissingAudience() {
        assertInvalidToken(valid(c -> c.issuer("https://evil.example")));
        assertInvalidToken(valid(c -> c.audience("another-api")));
        assertInvalidToken(valid(c -> c.audience(List.of("another-api", "more"))));
        assertInvalidToken(valid(c -> c.audience((String) null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "sub", "jti"})
    void refusesATokenWithoutARequiredClaim(String claim) {
        assertInvalidToken(valid(c -> c.claim(claim, null)));
    }

    @Test
    void refusesTokensNotYetValidOrIssuedInTheFuture() {
        Instant now = Instant.now();
        assertInvalidToken(valid(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))));
        assertInvalidToken(valid(c -> c.issueTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))));
        assertEquals(
                200,
                api.get("/users/me", valid(c -> c.notBeforeTime(Date.from(now.minusSeconds(5)))))
                        .statusCode(),
                "a token already valid is accepted");
    }

    @Test
    void refusesHeadersNamingTheirOwnKeyAndNeverFetchesThem() throws Exception {
        KeyPair attacker = TestTokens.foreignKeyPair();
        RSAKey attackerJwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic())
                .keyIDFromThumbprint()
                .build();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(attackerJwk).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI keys = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
            JWTClaimsSet claims = claims(c -> c);
            List<JWSHeader> headers = List.of(
                    TestTokens.rs256Header()
                            .jwkURL(keys)
                            .keyID(attackerJwk.getKeyID())
                            .build(),
                    TestTokens.rs256Header().x509CertURL(keys).build(),
                    TestTokens.rs256Header()
                            .jwk(attackerJwk)
                            .keyID(attackerJwk.getKeyID())
                            .build());
            for (JWSHeader header : headers) {
                assertInvalidToken(TestTokens.sign(attacker.getPrivate(), header, claims));
            }
            // even signed by the server's own key, a token that points elsewhere for its key is refused
            assertInvalidToken(TestTokens.signedByServerKey(
                    TestTokens.rs256Header().jwkURL(keys).build(), claims));
            assertEquals(0, fetches.get(), "the server must never fetch a key a token points to");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAValidTokenOfADeletedAccount() throws Exception {
        String token = valid(c -> c);
        TestDatabase.update("DELETE FROM users WHERE id = ?", UUID.fromString(subject));
        TestEnvironment.awaitCacheExpiry(); // deleted beside the application

        assertInvalidToken(token);
    }

    @Test
    void refusesGarbage() {
        byte[] random = new byte[6 * 1024];
        new Random(42).nextBytes(random);
        String valid = valid(c -> c);
        List<String> garbage = List.of(
                Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                valid + ".extra.parts",
                "a.b.c.d.e",
                valid.substring(0, 20) + "é" + valid.substring(21),
                "ünïcödé.tökén.ßïg", // HTTP header values are Latin-1 at most
                valid.substring(0, valid.lastIndexOf('.')) + "." + Base64URL.encode("not the signature"));

        for (String token : garbage) {
            assertInvalidToken(token);
        }
    }

    @Test
    void publishesThePublicKeysAsAJwkSetThatVerifiesIssuedTokens() throws Exception {
        HttpResponse<String> response = api.get("/.well-known/jwks.json");

        assertEquals(200, response.statusCode());
        assertTrue(Api.contentType(response).startsWith(Api.JSON), Api.contentType(response));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        JWKSet keys = JWKSet.parse(response.body());
        SignedJWT jwt = SignedJWT.parse(issuedToken);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertFalse(key.isPrivate());
        assertFalse(response.body().contains("\"d\""), "no private key member may be published");
        assertEquals("RS256", key.getAlgorithm().getName());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertEquals(TestTokens.serverPublicKey(), key.toRSAPublicKey());
    }

    private String valid(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return TestTokens.signedByServerKey(TestTokens.rs256Header().build(), claims(claims));
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return claims.apply(TestTokens.validClaims(subject)).build();
    }

    private void assertInvalidToken(String token) {
        HttpResponse<String> response = api.get("/users/me", token);
        assertProblem(response, 401, null);
        assertEquals(
                "Bearer error=\"invalid_token\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""),
                token);
    }
}
