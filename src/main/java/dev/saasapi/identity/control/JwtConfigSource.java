package dev.saasapi.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.saasapi.platform.config.control.DerivedConfigSource;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Tells MicroProfile JWT what to verify: the public keys (the signing key's as PEM, or with {@code
 * JWT_EXTRA_PUBLIC_KEYS} a JWK set whose key the token's {@code kid} picks), the issuer and the audience: the same
 * settings {@link AccessTokenVerifier} checks first, so configure them through the {@code JWT_*}
 * variables, not the spec's {@code MP_JWT_VERIFY_*}.
 */
public class JwtConfigSource extends DerivedConfigSource {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String ISSUER = "mp.jwt.verify.issuer";
    private static final String AUDIENCES = "mp.jwt.verify.audiences";
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    public JwtConfigSource() {
        super("saas-api JWT settings", 150, Set.of(PUBLIC_KEY, ISSUER, AUDIENCES));
    }

    /**
     * One key as PEM, several as a JWK set. Payara reads the setting at every request and tries PEM
     * first: a JWK set costs a failed PEM parse and a JSON parse each time (a fifth of the CPU time of
     * {@code GET /users/me}), a PEM key only its decoding.
     */
    static String publicKey(JWKSet keys) {
        if (keys.getKeys().size() != 1) {
            return keys.toString();
        }
        try {
            byte[] der = ((AsymmetricJWK) keys.getKeys().get(0)).toPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END PUBLIC KEY-----";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Map<String, String> values() {
        TokenSettings settings = TokenSettings.current();
        return Map.of(
                PUBLIC_KEY, publicKey(settings.verificationKeys()),
                ISSUER, settings.issuer(),
                AUDIENCES, settings.audience());
    }
}
