package dev.saasapi.platform.bodies.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.problems.control.ProblemException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Any bytes as a JSON body: the reader returns the record or refuses the body with a problem (a
 * 4xx), never another exception (a 500). Inputs are raw text, JSON of any shape and depth with the
 * right member names, and valid bodies with one value swapped for any other JSON value.
 */
class JsonBodyReaderFuzzTest {

    /** A body with the kinds of members the API's bodies have. */
    public record Sample(
            String email,
            @JsonbProperty("current_password") String currentPassword,
            Integer count,
            Boolean flag,
            List<String> tags) {}

    private static final List<String> MEMBERS = List.of("email", "current_password", "count", "flag", "tags");

    private final JsonBodyReader reader = new JsonBodyReader();

    @Property(tries = 1000)
    void anyTextIsReadOrRefusedAsAProblem(@ForAll("anyText") String body) {
        readOrRefuse(body);
    }

    @Property(tries = 1000)
    void anyJsonIsReadOrRefusedAsAProblem(@ForAll("anyJson") String body) {
        readOrRefuse(body);
    }

    @Property(tries = 1000)
    void aValidBodyWithAnyValueSwappedIsReadOrRefusedAsAProblem(
            @ForAll("members") String member, @ForAll("anyJson") String value) {
        String body = "{\"email\":\"a@example.com\",\"current_password\":\"secret\",\"count\":1,\"flag\":true,"
                + "\"tags\":[\"x\"]}";
        readOrRefuse(body.replaceFirst(
                "\"" + member + "\":(\"[^\"]*\"|\\[[^]]*]|[^,}]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + member + "\":" + value)));
    }

    @Example
    void readsAValidBody() {
        Object read = read("{\"email\":\"a@example.com\",\"current_password\":\"pw\",\"count\":2,\"tags\":[]}");
        assertEquals(new Sample("a@example.com", "pw", 2, null, List.of()), read);
    }

    /** Inputs fuzzing found: each was a 500 before the reader was fixed. */
    @Example
    void refusesWhatFuzzingFound() {
        for (String body : new String[] {
            "[".repeat(5000), // the parser's depth limit, a plain RuntimeException
            "{\"tags\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
        }) {
            assertThrows(ProblemException.class, () -> read(body), body.substring(0, 20));
        }
    }

    private void readOrRefuse(String body) {
        try {
            read(body);
        } catch (WebApplicationException refused) { // our problems, and the body limit's 413
            int status = refused.getResponse().getStatus();
            assertTrue(status == 400 || status == 413, () -> status + " for " + body);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String body) {
        return reader.readFrom(
                (Class) Sample.class,
                Sample.class,
                new java.lang.annotation.Annotation[0],
                jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE,
                new jakarta.ws.rs.core.MultivaluedHashMap<>(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> members() {
        return Arbitraries.of(MEMBERS);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings()
                        .withChars("{}[]\":,0123456789.eE+-truefalsn \\u")
                        .ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> anyJson() {
        return JSON;
    }

    /** JSON values up to four levels deep, built once (a generator per sample would be exponential). */
    private static final Arbitrary<String> JSON = json(4);

    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(JsonBodyReaderFuzzTest::quoted),
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-0",
                        "1e999",
                        "-1e-999",
                        "1E+400",
                        "123456789012345678901234567890",
                        "2147483648",
                        "-2147483649",
                        "0.5",
                        "\"\\u0000\"",
                        "\"\\ud800\"",
                        "\"" + "a".repeat(5000) + "\"",
                        "[".repeat(1500) + "]".repeat(1500)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner = json(depth - 1);
        Arbitrary<String> array = inner.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> name =
                Arbitraries.oneOf(Arbitraries.of(MEMBERS), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<String> object = Combinators.combine(name, inner)
                .as((n, value) -> quoted(n) + ":" + value)
                .list()
                .ofMaxSize(4)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(2, object));
    }

    private static String quoted(String text) {
        return com.nimbusds.jose.util.JSONStringUtils.toJSONString(text);
    }
}
