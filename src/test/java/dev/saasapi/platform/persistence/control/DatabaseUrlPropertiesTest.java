package dev.saasapi.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@code DATABASE_URL} is read at start-up and holds the database password. Whatever it holds, it is
 * parsed or refused with an {@link InvalidConfigurationException} naming the variable, never another
 * exception, and never a message with the password in it. A URL written from parts (credentials
 * percent-encoded, in any of the accepted schemes, or as a JDBC URL with them in the query) is read
 * back to the same parts.
 */
class DatabaseUrlPropertiesTest {

    private static final List<String> SCHEMES =
            List.of("postgres", "postgresql", "postgresql+psycopg", "postgresql+asyncpg", "postgresql+psycopg2");

    /** The parts of a URL; port 0 means none written (5432 expected), -1 an empty one after the colon. */
    record Parts(
            String scheme,
            Optional<String> user,
            Optional<String> password,
            String host,
            int port,
            String database,
            String query,
            Encoding encoding) {

        /** {@code scheme://user:password@host:port/database?query}, credentials percent-encoded. */
        String url() {
            String userInfo = user.isEmpty() && password.isEmpty()
                    ? ""
                    : encoding.encode(user.orElse(""))
                            + password.map(p -> ":" + encoding.encode(p)).orElse("")
                            + "@";
            return scheme + "://" + userInfo + host + portText() + "/" + database
                    + (query.isEmpty() ? "" : "?" + query);
        }

        String portText() {
            return port == 0 ? "" : port < 0 ? ":" : ":" + port;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + (port <= 0 ? 5432 : port) + "/" + database
                    + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /**
     * How ops percent-encode credentials: every reserved character, the JDK's form encoder, or only what
     * user info cannot hold as it is (the README's {@code @ : /}, and '%', '?', '#', '[', ']', space,
     * controls and non-ASCII), which leaves '+' and the other sub-delimiters as they are.
     */
    enum Encoding {
        ALL_BUT_UNRESERVED("-._~"),
        MINIMAL("-._~!$&'()*+,;="),
        /** URLEncoder, with its '+' for a space written as %20, as '+' is a plus in user info. */
        URL_ENCODER(null) {
            @Override
            String encode(String text) {
                return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            }
        };

        private final String unescaped;

        Encoding(String unescaped) {
            this.unescaped = unescaped;
        }

        String encode(String text) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || unescaped.indexOf(c) >= 0)) {
                    encoded.append(c);
                } else {
                    encoded.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return encoded.toString();
        }
    }

    @Property(tries = 1000)
    void anyValueIsParsedOrRefusedNamingTheVariable(@ForAll("anyValues") String value) {
        parseOrRefuse(value);
    }

    @Property(tries = 1000)
    void readsAUrlBackToTheSamePartsInEveryScheme(@ForAll("parts") Parts parts, @ForAll("padding") String padding) {
        String url = parts.url();

        DatabaseUrl parsed = DatabaseUrl.parse(padding + url + padding);

        assertEquals(parts.jdbcUrl(), parsed.jdbcUrl(), url);
        assertEquals(parts.user().orElse(""), parsed.user(), url);
        assertEquals(parts.password().orElse(""), parsed.password(), url);
    }

    @Property(tries = 1000)
    void readsAJdbcUrlBackToTheSameParts(
            @ForAll("parts") Parts parts, @ForAll("otherParameters") List<String> others, @ForAll long order) {
        String base = "jdbc:postgresql://" + parts.host() + parts.portText() + "/" + parts.database();
        List<String> parameters = new ArrayList<>(others);
        parts.user().ifPresent(user -> parameters.add("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)));
        parts.password()
                .ifPresent(
                        password -> parameters.add("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        Collections.shuffle(parameters, new Random(order));
        String url = base + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));

        DatabaseUrl parsed = DatabaseUrl.parse(url);

        List<String> kept = parameters.stream()
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password="))
                .toList();
        assertEquals(base + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), parsed.jdbcUrl(), url);
        assertEquals(parts.user().orElse(""), parsed.user(), url);
        assertEquals(parts.password().orElse(""), parsed.password(), url);
    }

    @Property(tries = 500)
    void neverPrintsThePasswordOfAUrlItReads(@ForAll("partsWithAPassword") Parts parts) {
        String password = parts.password().orElseThrow();
        String shown = DatabaseUrl.parse(parts.url()).toString();

        assertFalse(shown.contains(password), shown);
    }

    @Property(tries = 1000)
    void neverEchoesThePasswordWhenItRefusesAUrl(
            @ForAll("partsWithAPassword") Parts parts, @ForAll("breakages") Breakage breakage) {
        String password = parts.password().orElseThrow();
        String url = breakage.apply(parts);
        try {
            DatabaseUrl.parse(url);
        } catch (InvalidConfigurationException refused) {
            assertRefusal(refused, url);
            List<String> secrets =
                    List.of(password, parts.encoding().encode(password), breakage.writtenPassword(parts));
            for (Throwable t = refused; t != null; t = t.getCause()) { // a logged cause is printed too
                String message = String.valueOf(t.getMessage());
                for (String secret : secrets) {
                    assertFalse(message.contains(secret), () -> message + " for " + url);
                }
            }
        }
    }

    /** One way ops get a URL wrong, with the password written as it then is. */
    enum Breakage {
        UNSUPPORTED_SCHEME,
        NOT_A_PORT,
        PORT_OUT_OF_RANGE,
        NO_HOST,
        NO_DATABASE,
        NESTED_DATABASE,
        PASSWORD_NOT_ENCODED,
        MALFORMED_ESCAPE_IN_PASSWORD,
        TRUNCATED_ESCAPE_IN_PASSWORD,
        SPACE_IN_PASSWORD,
        JDBC_MALFORMED_ESCAPE_IN_PASSWORD,
        JDBC_TRUNCATED_ESCAPE_IN_PASSWORD;

        String writtenPassword(Parts parts) {
            String encoded = parts.encoding().encode(parts.password().orElseThrow());
            return switch (this) {
                case PASSWORD_NOT_ENCODED -> parts.password().orElseThrow();
                case MALFORMED_ESCAPE_IN_PASSWORD -> encoded + "%zz";
                case TRUNCATED_ESCAPE_IN_PASSWORD -> encoded + "%4";
                case SPACE_IN_PASSWORD -> encoded + " x";
                case JDBC_MALFORMED_ESCAPE_IN_PASSWORD, JDBC_TRUNCATED_ESCAPE_IN_PASSWORD ->
                    URLEncoder.encode(parts.password().orElseThrow(), StandardCharsets.UTF_8)
                            + (this == JDBC_TRUNCATED_ESCAPE_IN_PASSWORD ? "%" : "%g1");
                default -> encoded;
            };
        }

        String apply(Parts parts) {
            String user = parts.encoding().encode(parts.user().orElse(""));
            String credentials = user + ":" + writtenPassword(parts) + "@";
            String host = parts.host();
            String port = parts.portText();
            String database = parts.database();
            String scheme = parts.scheme();
            switch (this) {
                case UNSUPPORTED_SCHEME -> scheme = "mysql";
                case NOT_A_PORT -> port = ":5432x";
                case PORT_OUT_OF_RANGE -> port = ":65536";
                case NO_HOST -> host = "";
                case NO_DATABASE -> database = "";
                case NESTED_DATABASE -> database = database + "/more";
                case JDBC_MALFORMED_ESCAPE_IN_PASSWORD, JDBC_TRUNCATED_ESCAPE_IN_PASSWORD -> {
                    return "jdbc:postgresql://" + host + port + "/" + database + "?user=" + user + "&password="
                            + writtenPassword(parts);
                }
                default -> {}
            }
            return scheme + "://" + credentials + host + port + "/" + database;
        }
    }

    private static void parseOrRefuse(String value) {
        try {
            DatabaseUrl.parse(value);
        } catch (InvalidConfigurationException refused) {
            assertRefusal(refused, value);
        }
    }

    private static void assertRefusal(InvalidConfigurationException refused, String value) {
        assertTrue(
                refused.getMessage().startsWith(DatabaseUrl.VARIABLE + " "),
                () -> refused.getMessage() + " for " + value);
    }

    @Provide
    Arbitrary<String> anyValues() {
        Arbitrary<String> schemes = Arbitraries.oneOf(
                Arbitraries.of(SCHEMES).map(s -> s + "://"),
                Arbitraries.of("jdbc:postgresql:", "jdbc:postgresql://", "JDBC:PostgreSQL://", "postgres:", "//", ""));
        Arbitrary<String> urlish = Arbitraries.strings()
                .withChars("abcxyzABC0123456789:/@[]%?#&=.+-_~ \t!$'()*,;")
                .withChars('\u00e9', '\u0665', '\ufffd', '\u2028', '\0')
                .ofMaxLength(80);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(100)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(100)),
                Tuple.of(6, Combinators.combine(schemes, urlish).as(String::concat)),
                Tuple.of(
                        4,
                        Combinators.combine(
                                        parts(), urlish, Arbitraries.integers().between(0, 200))
                                .as((parts, junk, at) -> {
                                    String url = parts.url();
                                    int i = Math.min(at, url.length());
                                    return url.substring(0, i) + junk + url.substring(i);
                                })),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "postgresql://u:p@db:" + "9".repeat(30) + "/x",
                                "postgresql://u:p@db:-1/x",
                                "postgresql://u:p@db:+5432/x",
                                "postgresql://u:p@[::1/x",
                                "postgresql://u:p@[::1]:/x",
                                "postgresql://u:p@]:5/x",
                                "postgresql://u:p@:5/x",
                                "postgresql://" + "a".repeat(100_000) + "/x",
                                "jdbc:postgresql://db/x?" + "&".repeat(10_000),
                                "jdbc:postgresql://db/x?user&password",
                                "jdbc:postgresql://db/x?=&==&user==%")));
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.of("", " ", "\n", " \t\r\n", "\u2003");
    }

    @Provide
    Arbitrary<List<String>> otherParameters() {
        Arbitrary<String> name =
                Arbitraries.of("sslmode", "connectTimeout", "ApplicationName", "options", "users", "pass");
        Arbitrary<String> value =
                Arbitraries.strings().withChars("abcXYZ0189-_.").ofMaxLength(10).map(v -> v.replace("_", "%20"));
        return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<Parts> parts() {
        Arbitrary<Integer> port = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 65535)),
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(-1)));
        Arbitrary<String> database = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars("_-.")
                .ofMinLength(1)
                .ofMaxLength(20);
        return Combinators.combine(
                        scheme(),
                        text(0).optional(0.8),
                        text(0).optional(0.8),
                        host(),
                        port,
                        database,
                        otherParameters().map(list -> String.join("&", list)),
                        Arbitraries.of(Encoding.class))
                .as(Parts::new);
    }

    /** Parts with a password of at least eight characters that is not part of what may be shown of them. */
    @Provide
    Arbitrary<Parts> partsWithAPassword() {
        return Combinators.combine(parts(), text(8))
                .as((parts, password) -> new Parts(
                        parts.scheme(),
                        parts.user(),
                        Optional.of(password),
                        parts.host(),
                        parts.port(),
                        parts.database(),
                        parts.query(),
                        parts.encoding()))
                .filter(parts -> !(parts.jdbcUrl() + ", user=" + parts.user().orElse("") + "]")
                        .contains(parts.password().orElseThrow()));
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(Breakage.class);
    }

    private static Arbitrary<String> scheme() {
        return Combinators.combine(
                        Arbitraries.of(SCHEMES), Arbitraries.integers().between(0, 2))
                .as((scheme, casing) -> switch (casing) {
                    case 0 -> scheme;
                    case 1 -> scheme.toUpperCase(Locale.ROOT);
                    default -> Character.toUpperCase(scheme.charAt(0)) + scheme.substring(1);
                });
    }

    /** Host names (with '_' as compose services have), IPv4 and IPv6 addresses. */
    private static Arbitrary<String> host() {
        Arbitrary<String> label = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars("_-")
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
        Arbitrary<String> ipv4 = Arbitraries.integers()
                .between(0, 255)
                .list()
                .ofSize(4)
                .map(octets ->
                        String.join(".", octets.stream().map(String::valueOf).toList()));
        Arbitrary<String> ipv6 = Arbitraries.of("[::1]", "[2001:db8::17]", "[fe80::1:2:3:4]", "[::ffff:10.0.0.1]");
        return Arbitraries.frequencyOf(Tuple.of(4, name), Tuple.of(1, ipv4), Tuple.of(1, ipv6));
    }

    /** Any well-formed text: ASCII (the characters that must be encoded too), other scripts, emoji, controls. */
    private static Arbitrary<String> text(int minCodePoints) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMinSize(minCodePoints).ofMaxSize(24).map(codePoints -> {
            StringBuilder text = new StringBuilder();
            codePoints.forEach(text::appendCodePoint);
            return text.toString();
        });
    }
}
