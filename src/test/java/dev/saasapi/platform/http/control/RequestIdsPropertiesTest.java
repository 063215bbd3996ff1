package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * {@code X-Request-Id} is client-sent and goes into a response header, every problem body and every
 * log line of the request. Whatever the header holds, the id is the header itself when it is a
 * plausible id (1 to 128 letters, digits and {@code ._:@/+=-}), a new UUID otherwise, never an
 * exception; so it can never break a header or a log line.
 */
class RequestIdsPropertiesTest {

    /** What the class promises is safe in a header and a log line, written out here, not read from it. */
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:@/+=-";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    @AfterProperty
    void clearTheThread() {
        RequestIds.clear();
    }

    @Property(tries = 2000)
    void anyHeaderGivesASafeIdWithoutAnException(@ForAll("anyHeaders") String header) {
        String id = RequestIds.accept(header);

        assertNotNull(id);
        assertTrue(SAFE.matcher(id).matches(), () -> "unsafe id " + id + " for " + header);
        assertTrue(id.equals(header) || isUuid(id), () -> id + " is neither the header nor a new UUID");
        assertEquals(id, RequestIds.accept(id), "an id is not accepted again as it is");
    }

    @Property(tries = 1000)
    void aPlausibleIdIsKeptAsSent(@ForAll("plausibleIds") String header) {
        assertEquals(header, RequestIds.accept(header));
    }

    @Property(tries = 1000)
    void anythingElseIsReplacedByAFreshUuid(@ForAll("implausibleIds") String header) {
        String id = RequestIds.accept(header);

        assertNotEquals(header, id);
        assertTrue(isUuid(id), id);
        assertNotEquals(id, RequestIds.accept(header), "the same UUID twice");
    }

    @Property(tries = 200)
    void aRequestKeepsTheIdItWasFirstGivenAndTheThreadCarriesIt(
            @ForAll("anyHeaders") String header, @ForAll("anyHeaders") String laterHeader) {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        headers.put(RequestIds.HEADER, header);
        HttpServletRequest request = request(headers, attributes);

        String id = RequestIds.assign(request);
        assertTrue(SAFE.matcher(id).matches(), id);
        assertEquals(id, RequestIds.current());

        RequestIds.clear();
        headers.put(RequestIds.HEADER, laterHeader); // a forward or an error dispatch: the first id stays
        assertEquals(id, RequestIds.assign(request));
        assertEquals(id, RequestIds.current());
    }

    @Provide
    Arbitrary<String> plausibleIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(ID_CHARS).ofMinLength(1).ofMaxLength(128),
                Arbitraries.create(UUID::randomUUID).map(UUID::toString),
                Arbitraries.strings().withChars(ID_CHARS).ofLength(128));
    }

    /** A plausible id with one character it must not have, or one too long. */
    @Provide
    Arbitrary<String> implausibleIds() {
        Arbitrary<String> forbidden = Arbitraries.oneOf(
                Arbitraries.chars().filter(c -> ID_CHARS.indexOf(c) < 0).map(String::valueOf),
                Arbitraries.of(
                        " ",
                        "\r\n",
                        "\n",
                        "\t",
                        "\0",
                        "\"",
                        "<",
                        ">",
                        "\\",
                        "%",
                        "\u00a0",
                        "\u200b",
                        "\u2028",
                        "\ufffd",
                        "\u00e9",
                        "\ud83d\ude00",
                        "\ud83d",
                        "\u0130",
                        "\u212a",
                        "\uff21",
                        "\u0661"));
        Arbitrary<String> withForbidden = Combinators.combine(
                        Arbitraries.strings().withChars(ID_CHARS).ofMaxLength(127),
                        forbidden,
                        Arbitraries.integers().between(0, 127))
                .as((id, bad, at) -> {
                    int i = Math.min(at, id.length());
                    return id.substring(0, i) + bad + id.substring(i);
                });
        Arbitrary<String> tooLong =
                Arbitraries.strings().withChars(ID_CHARS).ofMinLength(129).ofMaxLength(2000);
        return Arbitraries.frequencyOf(
                Tuple.of(4, withForbidden), Tuple.of(1, tooLong), Tuple.of(1, Arbitraries.of("")));
    }

    @Provide
    Arbitrary<String> anyHeaders() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(200)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(3, plausibleIds()),
                Tuple.of(3, implausibleIds()),
                Tuple.of(1, Arbitraries.of("x".repeat(100_000), "x".repeat(127) + "\n" + "x".repeat(100_000))));
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A request with only headers and attributes, all a request id needs. */
    private static HttpServletRequest request(Map<String, String> headers, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                RequestIdsPropertiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
