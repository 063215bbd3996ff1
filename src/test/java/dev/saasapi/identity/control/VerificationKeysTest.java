package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationKeysTest {

    @Test
    void readsSeveralPemKeysIncludingOneLineEscapedOnes() throws Exception {
        KeyPair rsa = pair("RSA", 2048);
        KeyPair ec = ec("secp256r1");
        String setting = (pem(rsa) + "\n" + pem(ec)).replace("\n", "\\n");

        List<JWK> keys = VerificationKeys.parseExtra(Optional.of(setting));

        assertEquals(2, keys.size());
        assertEquals(rsa.getPublic(), keys.get(0).toRSAKey().toPublicKey());
        assertEquals(JWSAlgorithm.RS256, keys.get(0).getAlgorithm());
        assertEquals(ec.getPublic(), keys.get(1).toECKey().toPublicKey());
        assertEquals(JWSAlgorithm.ES256, keys.get(1).getAlgorithm());
        assertTrue(keys.stream().noneMatch(JWK::isPrivate));
    }

    @Test
    void putsTheSigningKeyFirstAndListsEachKeyOnce() throws Exception {
        SigningKey signing = SigningKey.generate(JWSAlgorithm.RS256);
        KeyPair extra = pair("RSA", 2048);
        List<JWK> extras =
                List.of(VerificationKeys.publicJwk(extra.getPublic()), VerificationKeys.publicJwk(signing.publicKey()));

        JWKSet set = VerificationKeys.of(signing, extras);

        assertEquals(2, set.getKeys().size());
        assertEquals(signing.keyId(), set.getKeys().get(0).getKeyID());
        assertFalse(set.toString(false).contains("\"d\""));
    }

    @Test
    void refusesWeakKeysOtherCurvesAndAnythingElse() throws Exception {
        for (String setting : List.of(
                pem(pair("RSA", 1024)),
                pem(ec("secp384r1")),
                "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
                "not a key",
                pem(pair("RSA", 2048)) + "trailing text")) {
            assertThrows(
                    InvalidConfigurationException.class,
                    () -> VerificationKeys.parseExtra(Optional.of(setting)),
                    setting);
        }
        assertEquals(List.of(), VerificationKeys.parseExtra(Optional.empty()));
    }

    private static KeyPair pair(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
