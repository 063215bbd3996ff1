package dev.saasapi.platform.secrets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void tokensAre256RandomBitsInBase64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SecretTokens.generate();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(SecretTokens.wellFormed(token));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void theStoredFormIsTheSha256AndRevealsNothing() {
        String token = SecretTokens.generate();

        String hash = SecretTokens.hash(token);

        // SHA-256 of "abc" (FIPS 180-2 test vector), base64url
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", SecretTokens.hash("abc"));
        assertEquals(43, hash.length());
        assertNotEquals(token, hash);
        assertEquals(hash, SecretTokens.hash(token));
    }

    @Test
    void anythingElseIsNotEvenLookedUp() {
        assertFalse(SecretTokens.wellFormed(null));
        assertFalse(SecretTokens.wellFormed(""));
        assertFalse(SecretTokens.wellFormed("A".repeat(42)));
        assertFalse(SecretTokens.wellFormed("A".repeat(44)));
        assertFalse(SecretTokens.wellFormed("A".repeat(42) + "="));
        assertFalse(SecretTokens.wellFormed("A".repeat(42) + "é"));
        assertFalse(SecretTokens.wellFormed("A".repeat(42) + "٣")); // a digit, but not ASCII
    }
}
