package dev.saasapi.platform.bodies.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.problems.control.MalformedBodyException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The login and refresh forms are untrusted bytes: whatever a client sends, the parser answers with
 * the fields or refuses the body with a {@link MalformedBodyException} (a 400), never another
 * exception (a 500). What it accepts is well-formed text without NUL; fields an encoder wrote are
 * read back as they were; a repeated field, a malformed percent-escape, invalid UTF-8 or NUL is refused,
 * and the refusal's detail is printable ASCII.
 */
class UrlEncodedFormPropertiesTest {

    private static final List<String> FIELDS =
            List.of("username", "password", "grant_type", "refresh_token", "scope", "client_id", "");

    @Property(tries = 1500)
    void anyBodyIsParsedOrRefusedAsMalformed(@ForAll("anyBodies") byte[] body) {
        parseOrRefuse(body);
    }

    @Property(tries = 1000)
    void anyFieldsWithBrokenEscapesAreParsedOrRefusedAsMalformed(@ForAll("escapeSoups") String body) {
        parseOrRefuse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void decodesWhatAnEncoderWroteToTheSameFields(
            @ForAll("forms") Map<String, String> form, @ForAll Encoding encoding) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(encoding.encode(name) + "=" + encoding.encode(value)));
        String body = String.join("&", pairs);

        assertEquals(form, UrlEncodedForm.parse(body.getBytes(StandardCharsets.UTF_8)), body);
    }

    @Property(tries = 300)
    void refusesARepeatedField(
            @ForAll("forms") Map<String, String> form, @ForAll("text") String otherValue, @ForAll Encoding encoding) {
        String name = form.keySet().iterator().next();
        List<String> pairs = new ArrayList<>();
        form.forEach((n, value) -> pairs.add(encoding.encode(n) + "=" + encoding.encode(value)));
        pairs.add(encoding.encode(name) + "=" + encoding.encode(otherValue));
        String body = String.join("&", pairs);

        assertRefused(body);
    }

    @Property(tries = 300)
    void refusesAMalformedEscapeOrNulAnywhere(
            @ForAll("forms") Map<String, String> form,
            @ForAll("badEscapes") String bad,
            @ForAll boolean inTheName,
            @ForAll Encoding encoding) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(encoding.encode(name) + "=" + encoding.encode(value)));
        String last = pairs.remove(pairs.size() - 1);
        int equals = last.indexOf('=');
        pairs.add(inTheName ? last.substring(0, equals) + bad + last.substring(equals) : last + bad);
        String body = String.join("&", pairs);

        assertRefused(body);
    }

    @Example
    void aBodyAtTheSizeLimitOrFarBeyondIsParsedOrRefusedAsMalformed() {
        parseOrRefuse(("password=" + "%F0%9F%98%80".repeat(1365)).getBytes(StandardCharsets.UTF_8));
        parseOrRefuse(("a=" + "%".repeat(RequestBodies.MAX_BYTES)).getBytes(StandardCharsets.UTF_8));
        parseOrRefuse("&=".repeat(500_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "x".repeat(1_000_000),
                UrlEncodedForm.parse(("password=" + "%78".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8))
                        .get("password"));
    }

    /** The encoders a client may use: the JDK's, every byte escaped (in lower case), or raw UTF-8. */
    enum Encoding {
        URL_ENCODER {
            @Override
            String encode(String text) {
                return URLEncoder.encode(text, StandardCharsets.UTF_8);
            }
        },
        EVERY_BYTE_ESCAPED {
            @Override
            String encode(String text) {
                StringBuilder escaped = new StringBuilder();
                for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                    escaped.append('%').append(HexFormat.of().toHexDigits(b));
                }
                return escaped.toString();
            }
        },
        /** Only the form's own delimiters escaped; everything else, non-ASCII included, as it is. */
        RAW_UTF_8 {
            @Override
            String encode(String text) {
                return text.replace("%", "%25")
                        .replace("&", "%26")
                        .replace("=", "%3D")
                        .replace("+", "%2B");
            }
        };

        abstract String encode(String text);
    }

    private static void parseOrRefuse(byte[] body) {
        String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        Map<String, String> fields;
        try {
            fields = UrlEncodedForm.parse(body);
        } catch (MalformedBodyException refused) {
            assertRefusal(refused, shown);
            return;
        }
        fields.forEach((name, value) -> {
            assertWellFormedText(name, shown);
            assertWellFormedText(value, shown);
        });
    }

    private static void assertRefused(String body) {
        MalformedBodyException refused = assertThrows(
                MalformedBodyException.class,
                () -> UrlEncodedForm.parse(body.getBytes(StandardCharsets.UTF_8)),
                () -> "body: " + body);
        assertRefusal(refused, body);
    }

    /** A 400 whose detail, shown to the client and logged, is printable ASCII. */
    private static void assertRefusal(MalformedBodyException refused, String body) {
        assertEquals(400, refused.getResponse().getStatus(), body);
        String detail = refused.detail();
        assertTrue(detail.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> detail + " for " + body);
    }

    /** What a parsed field may be: text that PostgreSQL stores and UTF-8 hashes as it is. */
    private static void assertWellFormedText(String text, String body) {
        assertFalse(text.indexOf('\0') >= 0, () -> "NUL accepted in " + body);
        assertTrue(
                text.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE),
                () -> "a lone surrogate accepted in " + body);
    }

    @Provide
    Arbitrary<byte[]> anyBodies() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<String> formish = Arbitraries.strings()
                .withChars("=&+%0123456789aAbBcCdDeEfFgGzZ \t\r\n\0~;")
                .withChars('\u00e9', '\u00ff', '\u2028', '\ufeff', '\ufffd')
                .ofMaxLength(200);
        return Arbitraries.frequencyOf(
                Tuple.of(2, bytes),
                Tuple.of(3, formish.map(UrlEncodedFormPropertiesTest::utf8)),
                Tuple.of(2, text().map(UrlEncodedFormPropertiesTest::utf8)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200).map(UrlEncodedFormPropertiesTest::utf8)),
                Tuple.of(1, escapeSoups().map(UrlEncodedFormPropertiesTest::utf8)));
    }

    /** Fields whose names and values are runs of valid, truncated, overlong and invalid escapes. */
    @Provide
    Arbitrary<String> escapeSoups() {
        Arbitrary<String> escape = Arbitraries.oneOf(
                Arbitraries.integers()
                        .between(0, 255)
                        .map(b -> "%" + HexFormat.of().toHexDigits(b.byteValue())),
                Arbitraries.integers()
                        .between(0, 255)
                        .map(b -> "%" + HexFormat.of().withUpperCase().toHexDigits(b.byteValue())),
                Arbitraries.of(
                        "%",
                        "%0",
                        "%g0",
                        "%0g",
                        "%%",
                        "%+1",
                        "%-1",
                        "%\u00e9",
                        "%C3",
                        "%C3%28",
                        "%E2%82",
                        "%F0%9F%98",
                        "%ED%A0%80",
                        "%ED%B0%80",
                        "%C0%AF",
                        "%F4%90%80%80",
                        "%EF%BF%BF",
                        "%00",
                        "+",
                        "=",
                        "&",
                        "\ud83d\ude00",
                        "\ud83d",
                        "\ude00",
                        "\u0000",
                        "\u0660\u0661"),
                Arbitraries.strings().ofMaxLength(3));
        Arbitrary<String> part = escape.list().ofMaxSize(6).map(parts -> String.join("", parts));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELDS), part);
        return Combinators.combine(name, part, Arbitraries.of("=", "", "=="))
                .as((n, value, equals) -> n + equals + value)
                .list()
                .ofMaxSize(5)
                .map(pairs -> String.join("&", pairs));
    }

    /** Forms of distinct fields whose names and values are any text a client can type (no NUL). */
    @Provide
    Arbitrary<Map<String, String>> forms() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELDS), text());
        return Arbitraries.maps(name, text()).ofMinSize(1).ofMaxSize(5);
    }

    /** Well-formed text without NUL: ASCII, the form's delimiters, other scripts, emoji, controls. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.of((int) '%', (int) '&', (int) '=', (int) '+', (int) ' ', 0xfeff, 0xfffd)),
                Tuple.of(1, Arbitraries.integers().between(1, 0x1f)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMaxSize(30).map(UrlEncodedFormPropertiesTest::fromCodePoints);
    }

    @Provide
    Arbitrary<String> badEscapes() {
        Arbitrary<String> notHex = Arbitraries.chars()
                .filter(c -> Character.digit(c, 16) < 0 && c != '%')
                .map(String::valueOf);
        return Arbitraries.oneOf(
                Arbitraries.of("%", "%0", "%F", "%00", "%C3", "%ED%A0%80", "%C0%80", "%FF", "%80", "%E2%82"),
                notHex.map(c -> "%" + c),
                notHex.map(c -> "%A" + c),
                notHex.map(c -> "%" + c + "0"));
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
