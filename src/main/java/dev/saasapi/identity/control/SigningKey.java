package dev.saasapi.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.jce.ECNamedCurveTable;

/**
 * The private key that signs access tokens, and the public key derived from it that MicroProfile
 * JWT verifies them with. Only RS256 and ES256 are possible: Payara's MicroProfile JWT verifies no
 * other algorithm, and it accepts only the algorithm of the one public key it is given.
 *
 * @param generated true when no {@code JWT_PRIVATE_KEY} was configured and the pair was made at start-up
 */
public record SigningKey(
        JWSAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey, String keyId, boolean generated) {

    public static final String ALGORITHM_VARIABLE = "JWT_ALGORITHM";
    public static final String KEY_VARIABLE = "JWT_PRIVATE_KEY";
    private static final int MIN_RSA_BITS = 2048;

    /**
     * @param algorithm {@code JWT_ALGORITHM}; RS256 when absent
     * @param privateKeyPem {@code JWT_PRIVATE_KEY}; a new pair is generated when absent
     */
    public static SigningKey of(Optional<String> algorithm, Optional<String> privateKeyPem) {
        JWSAlgorithm alg = algorithm(algorithm.orElse("RS256"));
        if (privateKeyPem.isEmpty()) {
            return generate(alg);
        }
        PrivateKey key = parsePrivateKey(privateKeyPem.get(), alg);
        return new SigningKey(alg, key, publicKeyOf(key), keyId(publicKeyOf(key)), false);
    }

    public static SigningKey generate(JWSAlgorithm alg) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(alg == JWSAlgorithm.ES256 ? "EC" : "RSA");
            if (alg == JWSAlgorithm.ES256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(MIN_RSA_BITS);
            }
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(alg, pair.getPrivate(), pair.getPublic(), keyId(pair.getPublic()), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key pair", e);
        }
    }

    public JWSSigner signer() {
        try {
            return algorithm == JWSAlgorithm.ES256
                    ? new ECDSASigner((ECPrivateKey) privateKey)
                    : new RSASSASigner(privateKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm + ", kid=" + keyId + ", generated=" + generated + "]";
    }

    private static JWSAlgorithm algorithm(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("HS")) {
            throw new InvalidConfigurationException(ALGORITHM_VARIABLE + "=" + upper + " is not supported:"
                    + " MicroProfile JWT on Payara verifies only RS256 and ES256 signatures, so a shared HMAC"
                    + " secret cannot be used. Remove " + ALGORITHM_VARIABLE + " (RS256 is the default) or set"
                    + " it to ES256, and put a PKCS#8 PEM private key in " + KEY_VARIABLE
                    + " (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)");
        }
        if (upper.equals("RS256")) {
            return JWSAlgorithm.RS256;
        }
        if (upper.equals("ES256")) {
            return JWSAlgorithm.ES256;
        }
        throw new InvalidConfigurationException(ALGORITHM_VARIABLE + " must be RS256 (the default) or ES256");
    }

    private static PrivateKey parsePrivateKey(String pem, JWSAlgorithm alg) {
        // .env files and some secret stores carry the PEM on one line with literal \n
        String text = pem.replace("\\n", "\n").strip();
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")
                || text.contains("-----BEGIN EC PRIVATE KEY-----")
                || text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new InvalidConfigurationException(KEY_VARIABLE + " must be an unencrypted PKCS#8 key"
                    + " ('-----BEGIN PRIVATE KEY-----'); convert it with:"
                    + " openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        byte[] der;
        try {
            String base64 =
                    text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(KEY_VARIABLE + " is not a PEM private key"
                    + " ('-----BEGIN PRIVATE KEY-----' ... base64 ... '-----END PRIVATE KEY-----')");
        }
        String type = alg == JWSAlgorithm.ES256 ? "EC" : "RSA";
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(KEY_VARIABLE + " is not a PKCS#8 " + type + " private key, as "
                    + ALGORITHM_VARIABLE + "=" + alg + " needs"
                    + (alg == JWSAlgorithm.ES256
                            ? " (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256)"
                            : " (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)"));
        }
        if (key instanceof RSAPrivateCrtKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new InvalidConfigurationException(KEY_VARIABLE + " is an RSA key of "
                    + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (key instanceof ECPrivateKey ec && !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
            throw new InvalidConfigurationException(KEY_VARIABLE + " must be an EC key on the P-256 curve for ES256");
        }
        return key;
    }

    private static PublicKey publicKeyOf(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof ECPrivateKey ec) {
                var q = ECNamedCurveTable.getParameterSpec("secp256r1")
                        .getG()
                        .multiply(ec.getS())
                        .normalize();
                var point = new ECPoint(
                        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, ec.getParams()));
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(
                    KEY_VARIABLE + " holds a key whose public half cannot be derived", e);
        }
        throw new InvalidConfigurationException(
                KEY_VARIABLE + " must be an RSA (PKCS#8, with CRT parameters) or EC key");
    }

    /** The RFC 7638 thumbprint: stable for a key, so a verifier can pick the key by the token's {@code kid}. */
    private static String keyId(PublicKey key) {
        return VerificationKeys.publicJwk(key).getKeyID();
    }
}
