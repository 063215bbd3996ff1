package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeyTest {

    @Test
    void generatesAnRs256KeyWhenNoneIsConfigured() throws Exception {
        SigningKey key = SigningKey.of(Optional.empty(), Optional.empty());

        assertEquals(JWSAlgorithm.RS256, key.algorithm());
        assertTrue(key.generated());
        assertTrue(signAndVerify(key));
    }

    @Test
    void derivesTheVerificationKeyFromAConfiguredRsaKey() throws Exception {
        KeyPair pair = pair("RSA", 2048);

        SigningKey key = SigningKey.of(Optional.of("rs256"), Optional.of(pem(pair)));

        assertFalse(key.generated());
        assertEquals(pair.getPublic(), key.publicKey());
        assertTrue(signAndVerify(key));
    }

    @Test
    void derivesTheVerificationKeyFromAConfiguredEs256Key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        SigningKey key = SigningKey.of(Optional.of("ES256"), Optional.of(pem(pair)));

        assertEquals(JWSAlgorithm.ES256, key.algorithm());
        assertEquals(pair.getPublic(), key.publicKey());
        assertTrue(signAndVerify(key));
    }

    @Test
    void acceptsAPemWrittenOnOneLineWithEscapedNewlines() throws Exception {
        KeyPair pair = pair("RSA", 2048);

        SigningKey key = SigningKey.of(Optional.empty(), Optional.of(pem(pair).replace("\n", "\\n")));

        assertEquals(pair.getPublic(), key.publicKey());
    }

    @Test
    void givesTheSameKeyTheSameIdAndAnotherKeyAnother() throws Exception {
        String pem = pem(pair("RSA", 2048));

        String first = SigningKey.of(Optional.empty(), Optional.of(pem)).keyId();

        assertEquals(first, SigningKey.of(Optional.empty(), Optional.of(pem)).keyId());
        assertNotEquals(
                first,
                SigningKey.of(Optional.empty(), Optional.of(pem(pair("RSA", 2048))))
                        .keyId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "hs512", " HS384 "})
    void refusesHmacAlgorithmsAndSaysWhatToDoInstead(String algorithm) {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> SigningKey.of(Optional.of(algorithm), Optional.empty()));

        assertTrue(e.getMessage().startsWith("JWT_ALGORITHM=HS"), e.getMessage());
        assertTrue(e.getMessage().contains("RS256") && e.getMessage().contains("JWT_PRIVATE_KEY"), e.getMessage());
    }

    @Test
    void refusesUnknownAlgorithms() {
        assertThrows(InvalidConfigurationException.class, () -> SigningKey.of(Optional.of("none"), Optional.empty()));
        assertThrows(InvalidConfigurationException.class, () -> SigningKey.of(Optional.of("PS256"), Optional.empty()));
    }

    @Test
    void refusesAKeyOfTheWrongTypeForTheAlgorithm() throws Exception {
        String rsa = pem(pair("RSA", 2048));

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> SigningKey.of(Optional.of("ES256"), Optional.of(rsa)));

        assertTrue(e.getMessage().startsWith("JWT_PRIVATE_KEY"), e.getMessage());
    }

    @Test
    void refusesRsaKeysShorterThan2048Bits() throws Exception {
        String weak = pem(pair("RSA", 1024));

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> SigningKey.of(Optional.empty(), Optional.of(weak)));

        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    @Test
    void refusesPkcs1AndGarbageWithoutEchoingTheKey() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretsecret\n-----END RSA PRIVATE KEY-----";
        for (String value : new String[] {
            pkcs1, "secretsecret!!", "-----BEGIN PRIVATE KEY-----\nc2VjcmV0c2VjcmV0\n-----END PRIVATE KEY-----"
        }) {
            InvalidConfigurationException e = assertThrows(
                    InvalidConfigurationException.class, () -> SigningKey.of(Optional.empty(), Optional.of(value)));
            assertTrue(e.getMessage().startsWith("JWT_PRIVATE_KEY"), e.getMessage());
            assertFalse(
                    e.getMessage().contains("secretsecret") || e.getMessage().contains("c2VjcmV0"), e.getMessage());
        }
    }

    private static boolean signAndVerify(SigningKey key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(key.algorithm()), new Payload("{\"sub\":\"x\"}"));
        jws.sign(key.signer());
        JWSObject parsed = JWSObject.parse(jws.serialize());
        return key.publicKey() instanceof ECPublicKey ec
                ? parsed.verify(new ECDSAVerifier(ec))
                : parsed.verify(new RSASSAVerifier((RSAPublicKey) key.publicKey()));
    }

    private static KeyPair pair(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
