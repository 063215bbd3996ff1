package dev.saasapi.identity.control;

import dev.saasapi.platform.secrets.control.SecretTokens;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * What an API key looks like: {@code saas_}, 256 random bits in base64url (43 characters), and a
 * six-character base62 CRC-32 of everything before it. The fixed prefix lets secret scanners find a
 * leaked key ({@code saas_[A-Za-z0-9_-]{43}[A-Za-z0-9]{6}}); the checksum refuses a mistyped or made-up
 * key without a database lookup. Only its SHA-256 is stored.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "saas_";
    public static final int LENGTH = PREFIX.length() + SecretTokens.LENGTH + 6;
    /** What lists and logs show of a key: the prefix and the first eight random characters. */
    public static final int SHOWN = PREFIX.length() + 8;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKeyFormat() {}

    /** A new key. */
    public static String generate() {
        String body = PREFIX + SecretTokens.generate();
        return body + checksum(body);
    }

    /** Whether the text is a key this service could have made: prefix, length, alphabet and checksum. */
    public static boolean wellFormed(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        String body = key.substring(0, LENGTH - 6);
        return SecretTokens.wellFormed(body.substring(PREFIX.length()))
                && checksum(body).equals(key.substring(LENGTH - 6));
    }

    /** The part of the key that may be shown: never enough to use it. */
    public static String shown(String key) {
        return key.substring(0, SHOWN);
    }

    /** The stored form. */
    public static String hash(String key) {
        return SecretTokens.hash(key);
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
