package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.it.TestTokens;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every JWT setting away from its default, end to end through MicroProfile JWT on Payara: an ES256
 * key, another issuer and audience, another lifetime.
 */
class CustomTokenSettingsIT {

    @Test
    void issuesAndVerifiesTokensWithTheConfiguredAlgorithmIssuerAudienceAndLifetime() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        try (PayaraProcess payara = PayaraProcess.start(Map.of(
                "DATABASE_URL", System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                "JWT_ALGORITHM", "ES256",
                "JWT_PRIVATE_KEY", pem,
                "JWT_ISSUER", "https://auth.example.com",
                "JWT_AUDIENCE", "billing-api",
                "ACCESS_TOKEN_EXPIRE_MINUTES", "15"))) {
            Api api = new Api(payara.url());
            String email = Api.uniqueEmail();
            api.register(email, "s3cret-Passw0rd");

            HttpResponse<String> login = api.login(email, "s3cret-Passw0rd");
            assertEquals(900, Api.json(login).getJsonNumber("expires_in").longValue());
            String token = Api.json(login).getString("access_token");
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
            assertEquals("https://auth.example.com", claims.getIssuer());
            assertEquals(List.of("billing-api"), claims.getAudience());
            assertEquals(
                    Duration.ofMinutes(15),
                    Duration.between(
                            claims.getIssueTime().toInstant(),
                            claims.getExpirationTime().toInstant()));

            HttpResponse<String> me = api.get("/users/me", token);
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(email, Api.json(me).getString("email"));
            String id = Api.json(me).getString("id");
            String rs256 = TestTokens.signedByServerKey(
                    id, c -> c.issuer("https://auth.example.com").audience("billing-api"));
            assertEquals(401, api.get("/users/me", rs256).statusCode(), "an RS256 token from another key is refused");
        }
    }
}
