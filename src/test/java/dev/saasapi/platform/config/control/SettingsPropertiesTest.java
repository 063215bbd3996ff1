package dev.saasapi.platform.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Settings come from the environment, where anything can be written. Whatever a setting holds, its
 * check answers with a value in the range or refuses with an {@link InvalidConfigurationException}
 * that reads "VARIABLE must be …" and never the value (it may be a secret), never another exception.
 * A number in the range, written with any surrounding whitespace, is read back as it is; a word in any
 * letter case is the choice it names.
 */
class SettingsPropertiesTest {

    private static final List<String> VARIABLES = List.of(
            "ACCESS_TOKEN_EXPIRE_MINUTES",
            "REFRESH_TOKEN_EXPIRE_DAYS",
            "RECENT_LOGIN_MINUTES",
            "DATABASE_WAIT_SECONDS",
            "MIGRATION_LOCK_WAIT_SECONDS",
            "PASSWORD_HASH_CONCURRENCY",
            "LOG_FORMAT",
            "JWT_PRIVATE_KEY");

    /** Whitespace {@link String#strip()} removes, and a no-break space, which it keeps. */
    private static final String STRIPPED = " \t\n\r\u000b\f\u001c\u2003\u3000\u2028";

    @Property(tries = 1000)
    void aWholeNumberIsInItsRangeOrRefusedNamingOnlyTheVariable(
            @ForAll("variables") String variable,
            @ForAll("numberTexts") String text,
            @ForAll("ranges") Tuple2<Long, Long> range) {
        long min = range.get1();
        long max = range.get2();
        String mustBe = "a whole number from " + min + " to " + max;
        BigInteger written = integer(text);
        boolean inRange = written != null
                && written.compareTo(BigInteger.valueOf(min)) >= 0
                && written.compareTo(BigInteger.valueOf(max)) <= 0;
        try {
            long value = Settings.wholeNumber(variable, text, min, max, mustBe);
            assertTrue(inRange, () -> value + " read from " + text + ", outside " + range);
            assertEquals(written.longValueExact(), value, text);
        } catch (InvalidConfigurationException refused) {
            assertFalse(inRange, () -> text + " refused, though in " + range);
            assertNamesOnlyTheVariable(refused, variable, mustBe, text);
        }
    }

    @Property(tries = 1000)
    void aDurationIsAWholeNumberOfItsUnitsInItsRangeOrRefused(
            @ForAll("variables") String variable,
            @ForAll("numberTexts") String text,
            @ForAll("units") ChronoUnit unit,
            @ForAll("ranges") Tuple2<Long, Long> range) {
        long min = Math.max(0, Math.min(range.get1(), 1_000_000));
        long max = Math.max(min, Math.min(range.get2(), 1_000_000)); // a range the code could declare
        BigInteger written = integer(text);
        boolean inRange = written != null
                && written.compareTo(BigInteger.valueOf(min)) >= 0
                && written.compareTo(BigInteger.valueOf(max)) <= 0;
        try {
            Duration duration = Settings.duration(variable, text, unit, min, max);
            assertTrue(inRange, () -> duration + " read from " + text);
            assertEquals(Duration.of(written.longValueExact(), unit), duration);
        } catch (InvalidConfigurationException refused) {
            assertFalse(inRange, () -> text + " refused, though in " + min + ".." + max);
            String units = unit.toString().toLowerCase(Locale.ROOT);
            assertNamesOnlyTheVariable(
                    refused, variable, "a whole number of " + units + " from " + min + " to " + max, text);
        }
    }

    @Property(tries = 1000)
    void aWaitIsTheDefaultWhenUnsetOrBlankElseSecondsFromZeroToAnHour(
            @ForAll("variables") String variable,
            @ForAll("rawValues") Optional<String> raw,
            @ForAll("waits") int defaultSeconds) {
        Settings settings = new Settings(name -> name.equals(variable) ? raw : Optional.empty());
        boolean unset = raw.isEmpty() || raw.get().strip().isEmpty();
        BigInteger written = raw.map(SettingsPropertiesTest::integer).orElse(null);
        boolean inRange = written != null
                && written.compareTo(BigInteger.ZERO) >= 0
                && written.compareTo(BigInteger.valueOf(3600)) <= 0;
        try {
            int seconds = settings.seconds(variable, defaultSeconds);
            if (unset) {
                assertEquals(defaultSeconds, seconds);
            } else {
                assertTrue(inRange, () -> seconds + " read from " + raw.get());
                assertEquals(written.intValueExact(), seconds);
            }
        } catch (InvalidConfigurationException refused) {
            assertFalse(unset || inRange, () -> raw + " refused");
            assertNamesOnlyTheVariable(refused, variable, "a number of seconds from 0 to 3600", raw.get());
        }
    }

    @Property(tries = 500)
    void aWordInAnyLetterCaseIsTheChoiceItNames(
            @ForAll("choices") Map<String, Integer> choices,
            @ForAll int pick,
            @ForAll long casing,
            @ForAll("padding") String before,
            @ForAll("padding") String after) {
        List<String> words = List.copyOf(choices.keySet());
        String word = words.get(Math.floorMod(pick, words.size()));
        StringBuilder cased = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            cased.append((casing >> i & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        String text = before + cased + after;

        assertEquals(choices.get(word), Settings.oneOf("LOG_FORMAT", text, choices, "one of the words"), text);
    }

    @Property(tries = 1000)
    void anyOtherTextIsAChoiceOrRefusedNamingOnlyTheVariable(
            @ForAll("choices") Map<String, Integer> choices, @ForAll("wordsAndAnyText") String text) {
        String mustBe = "one of " + String.join(", ", choices.keySet());
        List<String> named = choices.keySet().stream()
                .filter(word -> word.equalsIgnoreCase(text.strip()))
                .toList();
        try {
            Integer choice = Settings.oneOf("LOG_FORMAT", text, choices, mustBe);
            assertTrue(
                    named.stream().anyMatch(word -> choices.get(word).equals(choice)), () -> choice + " for " + text);
        } catch (InvalidConfigurationException refused) {
            boolean ascii = text.strip().chars().allMatch(c -> c < 0x80);
            assertFalse(ascii && !named.isEmpty(), () -> text + " refused, though it names " + named);
            assertNamesOnlyTheVariable(refused, "LOG_FORMAT", mustBe, text);
        }
    }

    @Property(tries = 1000)
    void aValueIsStrippedAndABlankOneIsUnset(
            @ForAll("rawValues") Optional<String> raw, @ForAll("wordsAndAnyText") String defaultValue) {
        Settings settings = new Settings(name -> raw);
        Optional<String> value = settings.value("JWT_ISSUER");

        assertEquals(raw.map(String::strip).filter(v -> !v.isEmpty()), value);
        value.ifPresent(v -> assertEquals(v, v.strip(), "not stripped"));
        assertEquals(value.orElse(defaultValue), settings.value("JWT_ISSUER", defaultValue));
        assertEquals(value, new Settings(name -> value).value("JWT_ISSUER"), "stripping twice changes it");
    }

    /** "VARIABLE must be …", as documented, and nothing of the value (it may be a secret). */
    private static void assertNamesOnlyTheVariable(
            InvalidConfigurationException refused, String variable, String mustBe, String value) {
        String expected = variable + " must be " + mustBe;
        assertEquals(expected, refused.getMessage());
        String secret = value.strip();
        if (secret.length() >= 4 && !expected.contains(secret)) {
            assertFalse(refused.getMessage().contains(secret), refused.getMessage());
        }
    }

    /** The integer {@code text} writes, read independently of the code under test; null if none. */
    private static BigInteger integer(String text) {
        try {
            return new BigInteger(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> variables() {
        return Arbitraries.of(VARIABLES);
    }

    @Provide
    Arbitrary<ChronoUnit> units() {
        return Arbitraries.of(ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);
    }

    @Provide
    Arbitrary<Integer> waits() {
        return Arbitraries.integers().between(0, 3600);
    }

    /** The ranges the code declares, and any other. */
    @Provide
    Arbitrary<Tuple2<Long, Long>> ranges() {
        Arbitrary<Tuple2<Long, Long>> declared = Arbitraries.of(
                Tuple.of(0L, 3600L),
                Tuple.of(1L, 527_040L),
                Tuple.of(1L, 366L),
                Tuple.of(0L, 60L),
                Tuple.of(1L, 1024L),
                Tuple.of(Long.MIN_VALUE, Long.MAX_VALUE));
        Arbitrary<Tuple2<Long, Long>> any = Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((a, b) -> Tuple.of(Math.min(a, b), Math.max(a, b)));
        return Arbitraries.frequencyOf(Tuple.of(2, declared), Tuple.of(1, any));
    }

    /** Numbers in and around the ranges, written as ops and typos write them, and any text. */
    @Provide
    Arbitrary<String> numberTexts() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.longs().between(-10, 4000).map(String::valueOf),
                Arbitraries.longs().between(0, 600_000).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers()
                        .between(BigInteger.valueOf(Long.MAX_VALUE), BigInteger.TEN.pow(30))
                        .map(BigInteger::toString),
                Arbitraries.of(
                        "+5",
                        "-0",
                        "007",
                        "1.5",
                        "1e3",
                        "0x10",
                        "30s",
                        "3_600",
                        "1,000",
                        "٣٠",
                        "\uff11\uff12",
                        "\u00a030",
                        "30\u00a0",
                        "--1",
                        "+",
                        "-",
                        "",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "NaN",
                        "Infinity",
                        "null",
                        "\0"));
        Arbitrary<String> padded =
                Combinators.combine(padding(), number, padding()).as((a, n, b) -> a + n + b);
        return Arbitraries.frequencyOf(
                Tuple.of(6, padded),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789+-. \t").ofMaxLength(25)),
                Tuple.of(1, Arbitraries.of("9".repeat(10_000), " ".repeat(10_000))));
    }

    /** A raw setting: unset, blank, a number or any text. */
    @Provide
    Arbitrary<Optional<String>> rawValues() {
        return Arbitraries.oneOf(
                        numberTexts(),
                        padding(),
                        Arbitraries.strings().all().ofMaxLength(30),
                        Combinators.combine(padding(), Arbitraries.strings().ofMaxLength(20), padding())
                                .as((a, s, b) -> a + s + b))
                .optional(0.9);
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.strings().withChars(STRIPPED).ofMaxLength(3);
    }

    @Provide
    Arbitrary<Map<String, Integer>> choices() {
        return Arbitraries.maps(
                        Arbitraries.oneOf(
                                Arbitraries.of("text", "json", "a", "ab", "key", "i", "s"),
                                Arbitraries.strings()
                                        .withCharRange('a', 'z')
                                        .ofMinLength(1)
                                        .ofMaxLength(6)),
                        Arbitraries.integers())
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> wordsAndAnyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(2),
                Combinators.combine(
                                padding(),
                                Arbitraries.strings()
                                        .withChars("aAbBzZ")
                                        .ofMinLength(1)
                                        .ofMaxLength(3))
                        .as(String::concat),
                Arbitraries.of("text", "json", "xml", " TEXT ", "Json", "t\u0131xt", "\u212aey", "\u0130", "\u017f"),
                Arbitraries.strings().ofMaxLength(10),
                Arbitraries.strings().all().ofMaxLength(10));
    }
}
