package dev.saasapi.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenSecretsTest {

    @Test
    void tokensAre256RandomBitsInBase64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = RefreshTokenSecrets.generate();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(RefreshTokenSecrets.wellFormed(token));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void theStoredFormIsTheSha256AndRevealsNothing() {
        String token = RefreshTokenSecrets.generate();

        String hash = RefreshTokenSecrets.hash(token);

        // SHA-256 of "abc" (FIPS 180-2 test vector), base64url
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", RefreshTokenSecrets.hash("abc"));
        assertEquals(43, hash.length());
        assertNotEquals(token, hash);
        assertEquals(hash, RefreshTokenSecrets.hash(token));
    }

    @Test
    void anythingElseIsNotEvenLookedUp() {
        assertFalse(RefreshTokenSecrets.wellFormed(null));
        assertFalse(RefreshTokenSecrets.wellFormed(""));
        assertFalse(RefreshTokenSecrets.wellFormed("A".repeat(42)));
        assertFalse(RefreshTokenSecrets.wellFormed("A".repeat(44)));
        assertFalse(RefreshTokenSecrets.wellFormed("A".repeat(42) + "="));
        assertFalse(RefreshTokenSecrets.wellFormed("A".repeat(42) + "é"));
        assertFalse(RefreshTokenSecrets.wellFormed("A".repeat(42) + "٣")); // a digit, but not ASCII
    }
}
