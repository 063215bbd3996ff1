package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ApiKeyFormatTest {

    private static final Pattern SCANNER = Pattern.compile("saas_[A-Za-z0-9_-]{43}[A-Za-z0-9]{6}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Property(tries = 200)
    void everyNewKeyIsWellFormedAndFoundByTheScannersPattern() {
        String key = ApiKeyFormat.generate();
        assertTrue(ApiKeyFormat.wellFormed(key), key);
        assertTrue(SCANNER.matcher(key).matches(), key);
        assertEquals(ApiKeyFormat.LENGTH, key.length());
        assertEquals(key.substring(0, 13), ApiKeyFormat.shown(key));
    }

    @Property(tries = 2000)
    void anyOneCharacterTypoIsRefused(
            @ForAll @IntRange(min = 5, max = 53) int position, @ForAll("characters") char replacement) {
        String key = ApiKeyFormat.generate();
        String typo = key.substring(0, position) + replacement + key.substring(position + 1);
        if (!typo.equals(key)) {
            assertFalse(ApiKeyFormat.wellFormed(typo), typo);
        }
    }

    @Property(tries = 500)
    void twoAdjacentCharactersSwappedAreRefused(@ForAll @IntRange(min = 5, max = 52) int position) {
        String key = ApiKeyFormat.generate();
        String swapped = key.substring(0, position)
                + key.charAt(position + 1)
                + key.charAt(position)
                + key.substring(position + 2);
        if (!swapped.equals(key)) {
            assertFalse(ApiKeyFormat.wellFormed(swapped), swapped);
        }
    }

    @Property(tries = 100)
    void otherTextIsRefused(@ForAll String text) {
        assertFalse(ApiKeyFormat.wellFormed(text));
        assertFalse(ApiKeyFormat.wellFormed("saas_" + text));
    }

    @Property(tries = 50)
    void twoKeysDiffer() {
        assertNotEquals(ApiKeyFormat.generate(), ApiKeyFormat.generate());
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
    }
}
