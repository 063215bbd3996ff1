package dev.saasapi.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * A password is accepted when it is 8 to 128 Unicode code points (an emoji is one) of well-formed
 * text and not one of the most common passwords in any letter case; it is never trimmed, so
 * whitespace counts. Any other string is refused, never with an exception; a common one with its own
 * message, any other with the default one.
 */
class PasswordPropertiesTest {

    /** The limits the Javadoc and the README promise, written here, not read from the code. */
    private static final int MIN = 8;

    private static final int MAX = 128;

    private final Password.Validator validator = new Password.Validator();

    @Property(tries = 1000)
    void acceptsExactlyWellFormedTextOfEightTo128CodePointsThatIsNotCommon(@ForAll("passwords") String password) {
        RecordingContext context = new RecordingContext();
        boolean valid = validator.isValid(password, context.proxy());

        int codePoints = password.codePointCount(0, password.length());
        boolean lengthOk = codePoints >= MIN && codePoints <= MAX;
        if (!lengthOk || !isWellFormed(password)) {
            assertFalse(valid, () -> codePoints + " code points accepted: " + password);
            if (!isWellFormed(password) || !CommonPasswords.contains(password)) {
                assertNull(context.template, "refused as common, though it is not");
            }
        } else if (CommonPasswords.contains(password)) {
            assertFalse(valid, password);
            assertEquals(Password.TOO_COMMON, context.template, password);
        } else {
            assertTrue(valid, () -> codePoints + " code points refused: " + password);
            assertNull(context.template);
        }
    }

    @Property(tries = 1000)
    void whitespaceAroundIsNeverTrimmedAndCounts(
            @ForAll("wellFormed") String password,
            @ForAll("whitespace") String before,
            @ForAll("whitespace") String after) {
        String sent = before + password + after;
        Assume.that(!CommonPasswords.contains(sent));
        int codePoints = sent.codePointCount(0, sent.length());

        assertEquals(
                codePoints >= MIN && codePoints <= MAX,
                validator.isValid(sent, new RecordingContext().proxy()),
                () -> codePoints + " code points: [" + sent + "]");
    }

    @Property(tries = 500)
    void aLoneSurrogateAnywhereIsRefused(
            @ForAll("wellFormed") String password,
            @ForAll("loneSurrogates") char surrogate,
            @ForAll @IntRange(max = 200) int at) {
        int[] codePoints = password.codePoints().toArray();
        int i = at % (codePoints.length + 1);
        String sent = new String(codePoints, 0, i) + surrogate + new String(codePoints, i, codePoints.length - i);

        assertFalse(validator.isValid(sent, new RecordingContext().proxy()), sent);
    }

    @Property(tries = 300)
    void aCommonPasswordInAnyLetterCaseOrWidthIsRefusedAsCommon(
            @ForAll("commonPasswords") String common, @ForAll long casing, @ForAll boolean fullWidth) {
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < common.length(); i++) {
            char c = (casing >> (i % 64) & 1) == 1 ? Character.toUpperCase(common.charAt(i)) : common.charAt(i);
            sent.append(fullWidth && c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xff01) : c);
        }
        RecordingContext context = new RecordingContext();

        assertFalse(validator.isValid(sent.toString(), context.proxy()), sent::toString);
        assertEquals(Password.TOO_COMMON, context.template, sent::toString);
    }

    @Example
    void leavesAnAbsentPasswordToRequired() {
        assertTrue(validator.isValid(null, new RecordingContext().proxy()));
    }

    /** Independent of the code: a lone surrogate does not survive a UTF-8 round trip. */
    private static boolean isWellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    @Provide
    Arbitrary<String> passwords() {
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0, 1, 7, 8, 9, 127, 128, 129)),
                Tuple.of(2, Arbitraries.integers().between(0, 200)));
        Arbitrary<String> codePoints =
                length.flatMap(n -> codePoint().list().ofSize(n).map(PasswordPropertiesTest::join));
        return Arbitraries.frequencyOf(
                Tuple.of(6, codePoints),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(140)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(140)),
                Tuple.of(1, commonPasswords()),
                Tuple.of(
                        1,
                        Arbitraries.of("x".repeat(100_000), "\ud83d\ude00".repeat(128), "\ud83d\ude00".repeat(129))));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return codePoint()
                .filter(c -> c != '\ud800')
                .list()
                .ofMinSize(1)
                .ofMaxSize(MAX + 2)
                .map(PasswordPropertiesTest::join);
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(" \t\n\r\u00a0\u2003\u3000").ofMaxLength(4);
    }

    @Provide
    Arbitrary<Character> loneSurrogates() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\ud800', '\udbff'),
                Arbitraries.chars().range('\udc00', '\udfff'));
    }

    /** Passwords of 8 to 128 characters on the list; which ones is the list's business. */
    @Provide
    Arbitrary<String> commonPasswords() {
        return Arbitraries.of(List.of(
                        "password",
                        "password1",
                        "iloveyou",
                        "sunshine",
                        "princess",
                        "football",
                        "baseball",
                        "12345678",
                        "qwertyuiop",
                        "trustno1",
                        "superman",
                        "starwars",
                        "whatever"))
                .filter(p -> CommonPasswords.contains(p.toLowerCase(Locale.ROOT)));
    }

    /** A code point: ASCII, whitespace, other scripts, combining marks, emoji; sometimes a lone surrogate (U+D800). */
    private static Arbitrary<Integer> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x21, 0x7e)),
                Tuple.of(1, Arbitraries.of((int) ' ', (int) '\t', 0xa0, 0x3000, 0x200b, 0x301, 0xfffd, 0)),
                Tuple.of(2, Arbitraries.integers().between(0xa1, 0xd7ff)),
                Tuple.of(2, Arbitraries.integers().between(0x1f300, 0x1faff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)),
                Tuple.of(1, Arbitraries.just(0xd800)));
    }

    private static String join(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** A context that records the message template the validator asks for instead of the default one. */
    private static final class RecordingContext {

        String template;

        ConstraintValidatorContext proxy() {
            Object[] self = new Object[1];
            ConstraintViolationBuilder builder = (ConstraintViolationBuilder) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {ConstraintViolationBuilder.class},
                    (p, method, args) -> {
                        if (method.getName().equals("addConstraintViolation")) {
                            return self[0];
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            self[0] = Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {ConstraintValidatorContext.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "disableDefaultConstraintViolation" -> null;
                        case "buildConstraintViolationWithTemplate" -> {
                            template = (String) args[0];
                            yield builder;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (ConstraintValidatorContext) self[0];
        }
    }
}
