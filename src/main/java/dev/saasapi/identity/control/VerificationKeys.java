package dev.saasapi.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys tokens are verified with: the signing key's, then those in {@code
 * JWT_EXTRA_PUBLIC_KEYS}. To rotate keys, move the old private key's public half there and put the
 * new private key in {@code JWT_PRIVATE_KEY}; tokens signed with the old key stay valid until they
 * expire, and the old key can be dropped after {@code ACCESS_TOKEN_EXPIRE_MINUTES}. Each key is
 * published with its {@code kid} (RFC 7638 thumbprint), by which verifiers pick it.
 */
public final class VerificationKeys {

    public static final String EXTRA_KEYS_VARIABLE = "JWT_EXTRA_PUBLIC_KEYS";
    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private VerificationKeys() {}

    /** The signing key's public half first: a verifier that gets a token without {@code kid} tries it. */
    public static JWKSet of(SigningKey signingKey, List<JWK> extraKeys) {
        List<JWK> keys = new ArrayList<>();
        keys.add(publicJwk(signingKey.publicKey()));
        extraKeys.stream()
                .filter(extra -> !extra.getKeyID().equals(signingKey.keyId()))
                .forEach(keys::add);
        return new JWKSet(keys);
    }

    /** The PEM public keys ({@code -----BEGIN PUBLIC KEY-----}) in the setting, in order. */
    public static List<JWK> parseExtra(Optional<String> setting) {
        if (setting.isEmpty()) {
            return List.of();
        }
        String text = setting.get().replace("\\n", "\n");
        Matcher m = PEM.matcher(text);
        List<JWK> keys = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).isBlank()) {
                break;
            }
            keys.add(publicJwk(parse(m.group(1).replaceAll("\\s", ""))));
            end = m.end();
        }
        if (keys.isEmpty() || !text.substring(end).isBlank()) {
            throw new InvalidConfigurationException(EXTRA_KEYS_VARIABLE + " must hold one or more PEM public keys"
                    + " ('-----BEGIN PUBLIC KEY-----' ... '-----END PUBLIC KEY-----'), one after the other;"
                    + " get one from a private key with: openssl pkey -in key.pem -pubout");
        }
        return List.copyOf(keys);
    }

    /** The public JWK for a key: its RFC 7638 thumbprint as {@code kid}, its algorithm and {@code use: sig}. */
    public static JWK publicJwk(PublicKey key) {
        try {
            JWK jwk = key instanceof ECPublicKey ec
                    ? new ECKey.Builder(Curve.P_256, ec)
                            .algorithm(JWSAlgorithm.ES256)
                            .keyUse(KeyUse.SIGNATURE)
                            .keyIDFromThumbprint()
                            .build()
                    : new RSAKey.Builder((RSAPublicKey) key)
                            .algorithm(JWSAlgorithm.RS256)
                            .keyUse(KeyUse.SIGNATURE)
                            .keyIDFromThumbprint()
                            .build();
            return jwk.toPublicJWK();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key id", e);
        }
    }

    private static PublicKey parse(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(EXTRA_KEYS_VARIABLE + " holds a PEM block that is not base64");
        }
        for (String type : List.of("RSA", "EC")) {
            PublicKey key;
            try {
                key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                continue;
            }
            if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new InvalidConfigurationException(EXTRA_KEYS_VARIABLE + " holds an RSA key of "
                        + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
            }
            if (key instanceof ECPublicKey ec && !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new InvalidConfigurationException(
                        EXTRA_KEYS_VARIABLE + " holds an EC key that is not on the P-256 curve (ES256)");
            }
            return key;
        }
        throw new InvalidConfigurationException(
                EXTRA_KEYS_VARIABLE + " holds a PEM block that is not an RSA or EC public key");
    }
}
