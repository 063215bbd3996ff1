package dev.saasapi.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestEnvironment;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JWT_ALGORITHM=ES256 end to end: tokens signed with a P-256 key pass MicroProfile JWT on Payara. */
class Es256TokensIT {

    @Test
    void issuesAndAcceptsEs256Tokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        try (PayaraProcess payara = PayaraProcess.start(Map.of(
                "DATABASE_URL",
                System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                "JWT_ALGORITHM",
                "ES256",
                "JWT_PRIVATE_KEY",
                pem))) {
            Api api = new Api(payara.url());
            String email = Api.uniqueEmail();

            String token = api.registeredToken(email, "s3cret-Passw0rd");

            assertEquals(
                    "ES256", SignedJWT.parse(token).getHeader().getAlgorithm().getName());
            var me = api.get("/users/me", token);
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(email, Api.json(me).getString("email"));
            String rs256 =
                    dev.saasapi.it.TestTokens.signedByServerKey(Api.json(me).getString("id"), c -> c);
            assertEquals(401, api.get("/users/me", rs256).statusCode(), "an RS256 token from another key is refused");
        }
    }
}
