package dev.saasapi.platform.http.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.it.TestTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security settings an operator sets, on a Payara Micro process of its own: a CORS allowlist,
 * extra verification keys for a key rotation, one password-hashing slot (so that overload is easy to
 * cause), and the log of refused tokens.
 */
class SecuritySettingsIT {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String APP = "https://app.example.com";

    private static KeyPair signing;
    private static KeyPair retiredRsa;
    private static KeyPair extraEc;
    private static PayaraProcess payara;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        signing = TestTokens.foreignKeyPair();
        retiredRsa = TestTokens.foreignKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        extraEc = ec.generateKeyPair();
        // two PEM blocks on one line with literal \n, as .env files and secret stores carry them
        String extraKeys = (pem("PUBLIC KEY", retiredRsa.getPublic().getEncoded())
                        + pem("PUBLIC KEY", extraEc.getPublic().getEncoded()))
                .replace("\n", "\\n");
        payara = PayaraProcess.start(Map.of(
                "DATABASE_URL",
                System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                "JWT_PRIVATE_KEY",
                pem("PRIVATE KEY", signing.getPrivate().getEncoded()),
                "JWT_EXTRA_PUBLIC_KEYS",
                extraKeys,
                "CORS_ORIGINS",
                APP + ", http://localhost:3000",
                "PASSWORD_HASH_CONCURRENCY",
                "1"));
        api = new Api(payara.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void allowsCrossOriginCallsFromListedOriginsOnly() {
        HttpResponse<String> preflight = api.send(api.request("/users/me")
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals(APP, header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("PATCH"));
        assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("DELETE"), "sessions and the account");
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Authorization"));
        assertFalse(preflight
                .headers()
                .firstValue("Access-Control-Allow-Credentials")
                .isPresent());

        HttpResponse<String> allowed =
                api.send(api.request("/openapi.json").header("Origin", APP).GET());
        assertEquals(APP, header(allowed, "Access-Control-Allow-Origin"));
        assertTrue(
                allowed.headers().allValues("Vary").contains("Origin"),
                allowed.headers().toString());

        for (String origin :
                List.of("https://evil.example", APP + ".evil.example", "http://app.example.com", "null", APP + "/")) {
            HttpResponse<String> refused = api.send(
                    api.request("/openapi.json").header("Origin", origin).GET());
            assertFalse(
                    refused.headers().firstValue("Access-Control-Allow-Origin").isPresent(), origin);
            HttpResponse<String> refusedPreflight = api.send(api.request("/users/me")
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertFalse(
                    refusedPreflight
                            .headers()
                            .firstValue("Access-Control-Allow-Origin")
                            .isPresent(),
                    origin);
        }
    }

    @Test
    void acceptsTokensSignedByExtraKeysAndPublishesEveryKey() throws Exception {
        String subject = registeredAccountId();
        RSAKey current = new RSAKey.Builder((RSAPublicKey) signing.getPublic())
                .keyIDFromThumbprint()
                .build();
        RSAKey retired = new RSAKey.Builder((RSAPublicKey) retiredRsa.getPublic())
                .keyIDFromThumbprint()
                .build();
        ECKey ec = new ECKey.Builder(Curve.P_256, (ECPublicKey) extraEc.getPublic())
                .keyIDFromThumbprint()
                .build();

        JWKSet published = JWKSet.parse(api.get("/.well-known/jwks.json").body());
        assertEquals(
                List.of(current.getKeyID(), retired.getKeyID(), ec.getKeyID()),
                published.getKeys().stream().map(JWK::getKeyID).toList());

        String byRetired = TestTokens.sign(
                retiredRsa.getPrivate(),
                TestTokens.rs256Header().keyID(retired.getKeyID()).build(),
                TestTokens.validClaims(subject).build());
        assertEquals(200, api.get("/users/me", byRetired).statusCode());
        assertEquals(200, api.get("/users/me", es256(subject, ec.getKeyID())).statusCode());

        // the key named by kid decides: the retired key's signature under the current key's kid fails
        String mislabelled = TestTokens.sign(
                retiredRsa.getPrivate(),
                TestTokens.rs256Header().keyID(current.getKeyID()).build(),
                TestTokens.validClaims(subject).build());
        assertEquals(401, api.get("/users/me", mislabelled).statusCode());
    }

    @Test
    void shedsLoginsWith503AndRetryAfterWhenEveryHashingSlotIsBusy() throws Exception {
        String email = Api.uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        List<Callable<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 80; i++) { // more hashing than one slot does in the 1 s a request may wait
            logins.add(() -> api.login(email, PASSWORD));
        }

        List<HttpResponse<String>> responses = Concurrently.run(logins);

        List<HttpResponse<String>> shed =
                responses.stream().filter(r -> r.statusCode() != 200).toList();
        assertTrue(shed.size() < responses.size(), "some logins get through");
        assertFalse(shed.isEmpty(), "with one slot and 80 logins at once, some must be shed");
        for (HttpResponse<String> response : shed) {
            JsonObject problem = assertProblem(response, 503, "/problems/busy");
            assertEquals("temporarily_unavailable", problem.getString("error"));
            assertTrue(Integer.parseInt(header(response, "Retry-After")) >= 1);
        }
        assertEquals(200, api.login(email, PASSWORD).statusCode(), "the server recovers at once");
    }

    @Test
    void logsRefusedTokensInOneLineEachWithoutTheTokenAndCapsTheRate() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add("forged-token-" + i + "." + "x".repeat(40) + ".sig");
        }
        for (String token : tokens) {
            assertEquals(401, api.get("/users/me", token).statusCode());
        }

        String log = payara.log();
        long lines = payara.logLines("Refused access token");
        assertTrue(lines >= 1 && lines <= 20, lines + " lines");
        assertTrue(tokens.stream().noneMatch(log::contains), "no token may be logged");
        assertFalse(log.contains("SignedJWTIdentityStore"), "MicroProfile JWT must not log refusals");
        assertFalse(log.contains("\tat com.nimbusds"), "no stack trace for a refused token");
    }

    private static String registeredAccountId() {
        String token = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        return Api.json(api.get("/users/me", token)).getString("id");
    }

    private static String es256(String subject, String keyId) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .keyID(keyId)
                        .build(),
                TestTokens.validClaims(subject).build());
        jwt.sign(new ECDSASigner((ECPrivateKey) extraEc.getPrivate()));
        return jwt.serialize();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
