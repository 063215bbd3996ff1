package dev.saasapi.auth.control;

import dev.saasapi.config.control.DerivedConfigSource;
import java.util.Map;
import java.util.Set;

/**
 * Tells MicroProfile JWT what to verify: the public keys (as a JWK set: the signing key and {@code
 * JWT_EXTRA_PUBLIC_KEYS}, picked by the token's {@code kid}), the issuer and the audience: the same
 * settings {@link AccessTokenVerifier} checks first, so configure them through the {@code JWT_*}
 * variables, not the spec's {@code MP_JWT_VERIFY_*}.
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
                PUBLIC_KEY, settings.verificationKeys().toString(),
                ISSUER, settings.issuer(),
                AUDIENCES, settings.audience());
    }
}
