package dev.saasapi.platform.secrets.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque secrets handed to clients (refresh tokens, the tokens of mailed links): 256 random bits,
 * base64url. Only their SHA-256 is stored: a copy of the database cannot be replayed, and with this
 * much entropy a fast unsalted hash is enough.
 */
public final class SecretTokens {

    /** 32 bytes in base64url without padding; anything longer cannot be one of ours. */
    public static final int LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SecretTokens() {}

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return BASE64URL.encodeToString(secret);
    }

    /** The stored form: SHA-256, base64url, 43 characters. */
    public static String hash(String token) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether the text can be a token at all: the right length and alphabet. */
    public static boolean wellFormed(String token) {
        return token != null
                && token.length() == LENGTH
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
