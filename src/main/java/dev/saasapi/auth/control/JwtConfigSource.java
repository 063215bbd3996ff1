package dev.saasapi.auth.control;

import dev.saasapi.config.control.DerivedConfigSource;
import java.util.Map;
import java.util.Set;

/**
 * Tells MicroProfile JWT what to verify: the public half of the signing key, the issuer and the
 * audience. Its low ordinal lets an operator override a value through the spec's own variables
 * ({@code MP_JWT_VERIFY_ISSUER}, ...).
 */
public class JwtConfigSource extends DerivedConfigSource {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String ISSUER = "mp.jwt.verify.issuer";
    private static final String AUDIENCES = "mp.jwt.verify.audiences";

    public JwtConfigSource() {
        super("saas-api JWT settings", 150, Set.of(PUBLIC_KEY, ISSUER, AUDIENCES));
    }

    @Override
    protected Map<String, String> values() {
        TokenSettings settings = TokenSettings.current();
        return Map.of(
                PUBLIC_KEY, settings.key().publicKeyPem(),
                ISSUER, settings.issuer(),
                AUDIENCES, settings.audience());
    }
}
