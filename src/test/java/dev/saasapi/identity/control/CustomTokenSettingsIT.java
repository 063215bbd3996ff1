package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.CustomSettingsServer;
import dev.saasapi.it.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every JWT setting away from its default, end to end through MicroProfile JWT on Payara: an ES256
 * key, another issuer and audience, another lifetime ({@link CustomSettingsServer}).
 */
@ResourceLock(CustomSettingsServer.NAME)
class CustomTokenSettingsIT {

    @Test
    void issuesAndVerifiesTokensWithTheConfiguredAlgorithmIssuerAudienceAndLifetime() throws Exception {
        Api api = new Api(CustomSettingsServer.get().url());
        String email = Api.uniqueEmail();
        api.register(email, "s3cret-Passw0rd");

        HttpResponse<String> login = api.login(email, "s3cret-Passw0rd");
        assertEquals(
                CustomSettingsServer.ACCESS_TOKEN_MINUTES * 60,
                Api.json(login).getJsonNumber("expires_in").longValue());
        String token = Api.json(login).getString("access_token");
        SignedJWT jwt = SignedJWT.parse(token);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(CustomSettingsServer.ISSUER, claims.getIssuer());
        assertEquals(List.of(CustomSettingsServer.AUDIENCE), claims.getAudience());
        assertEquals(
                Duration.ofMinutes(CustomSettingsServer.ACCESS_TOKEN_MINUTES),
                Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()));

        HttpResponse<String> me = api.get("/users/me", token);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(email, Api.json(me).getString("email"));
        String id = Api.json(me).getString("id");
        String rs256 = TestTokens.signedByServerKey(
                id, c -> c.issuer(CustomSettingsServer.ISSUER).audience(CustomSettingsServer.AUDIENCE));
        assertEquals(401, api.get("/users/me", rs256).statusCode(), "an RS256 token from another key is refused");
    }
}
