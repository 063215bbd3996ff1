package dev.saasapi.platform.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.RawHttp;
import dev.saasapi.it.ServerLog;
import dev.saasapi.platform.secrets.control.SecretTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid requests to every endpoint (method, path, query, headers, content type, body, token)
 * and sends them to the real server byte for byte: not one may get a 5xx; every error is {@code
 * application/problem+json}, or, where the HTTP parser refuses a request before the application
 * sees it, an answer without internals; no answer repeats a secret; and the server keeps answering.
 * Each case comes from its own seed: {@code -Dfuzz.seed=<seed> -Dfuzz.http.cases=1} replays one.
 */
class HttpFuzzIT extends HttpIT {

    private static final int CASES = Integer.getInteger("fuzz.http.cases", 5000);
    private static final int CLIENTS = Integer.getInteger("fuzz.http.clients", 4);
    private static final String PASSWORD = "fuzz-" + UUID.randomUUID();
    private static final int HTTP_VERSION_NOT_SUPPORTED = 505;
    private static final java.util.regex.Pattern METHOD_TOKEN =
            java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final List<String> INTERNALS = List.of(
            "Exception",
            "\tat ",
            "at java.",
            "at org.",
            "at fish.",
            "at dev.",
            "Payara",
            "GlassFish",
            "Grizzly",
            "Jersey",
            "EclipseLink",
            "jakarta.",
            "SQL");

    @Test
    void answersEveryMutatedRequestWithoutA5xxAndWithAProblemOrNoInternals() throws Exception {
        String email = Api.uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        String refreshToken = Api.json(api.login(email, PASSWORD)).getString("refresh_token");
        String organization =
                Api.json(api.postJson("/orgs", token, "{\"name\":\"Fuzz\"}")).getString("id");
        String apiKey = Api.json(api.postJson(
                        "/orgs/" + organization + "/api-keys", token, "{\"name\":\"Fuzz\",\"role\":\"admin\"}"))
                .getString("key");
        HttpRequestMutator mutator = new HttpRequestMutator(
                api.uri("/").getHost(), email, PASSWORD, token, refreshToken, organization, apiKey);
        RawHttp raw = new RawHttp(api.uri("/"));
        List<String> secrets = List.of(PASSWORD, token, refreshToken, apiKey);

        long first = Long.getLong("fuzz.seed", new Random().nextLong());
        List<String> failures = new CopyOnWriteArrayList<>();
        // a few clients at once, as real traffic comes: the server uses both cores (login cases hash a
        // password); each case depends on its seed only, so the order does not matter
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                long seed = first + i;
                cases.add(clients.submit(() -> {
                    if (failures.size() >= 10) {
                        return null;
                    }
                    byte[] request = mutator.request(new Random(seed));
                    RawHttp.Response response = raw.send(request);
                    String failure = check(request, response, secrets);
                    if (failure != null) {
                        failures.add("seed " + seed + ": " + failure + "\n    request: " + printable(request, 600)
                                + "\n    response: " + response.status() + " " + printable(response.body(), 400));
                    }
                    return null;
                }));
            }
            for (Future<?> done : cases) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf(
                "HttpFuzzIT: %d cases from seed %d, %d clients, %.1f s%n",
                CASES, first, CLIENTS, (System.nanoTime() - started) / 1e9);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " failures (replay one with -Dfuzz.seed=<seed>"
                        + " -Dfuzz.http.cases=1 -Dfuzz.http.clients=1 -Dit.test=HttpFuzzIT; cases share the server's"
                        + " state, so a failure that needs another case first may need -Dfuzz.http.clients=1 for the"
                        + " whole run):\n" + String.join("\n", failures));

        assertEquals(200, api.get("/health/ready").statusCode(), "the server still answers");
        assertEquals(200, api.login(email, PASSWORD).statusCode(), "and still logs in");
        ServerLog.assertContainsNone(secrets);
    }

    /**
     * Whether the request line is {@code method SP target SP HTTP/1.x}. The HTTP parser answers any
     * other version token with 505 before the application sees the request (RFC 9110, section 15.6.6:
     * the version is one the server does not support), so 505 is the one 5xx it may give, and only then.
     */
    static boolean isHttp11RequestLine(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n");
        String[] parts = (end < 0 ? text : text.substring(0, end)).split(" ", -1);
        return parts.length == 3
                && METHOD_TOKEN.matcher(parts[0]).matches()
                && !parts[1].isEmpty()
                && (parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"));
    }

    /** What is wrong with this answer, or null. */
    static String check(byte[] request, RawHttp.Response response, List<String> secrets) {
        String body = response.text();
        for (String secret : secrets) {
            if (body.contains(secret) && response.status() >= 300) {
                return "the answer repeats a secret";
            }
        }
        if (response.status() == 0) {
            return response.body().length == 0 ? null : "not an HTTP/1.1 answer";
        }
        boolean wellFormed = isHttp11RequestLine(request);
        if (response.status() >= 500 && !(response.status() == HTTP_VERSION_NOT_SUPPORTED && !wellFormed)) {
            return "a " + response.status();
        }
        if (response.status() < 400) {
            return null;
        }
        // the HTTP layer answers a malformed request line itself, or (no version: HTTP/0.9) drops headers
        if (!wellFormed || response.header("X-Content-Type-Options") == null) {
            return INTERNALS.stream()
                    .filter(body::contains)
                    .findFirst()
                    .map(internal -> "the HTTP layer's answer shows internals (" + internal + ")")
                    .orElse(null);
        }
        String contentType = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/problem+json")) {
            return "an error as " + contentType;
        }
        if (new String(request, StandardCharsets.ISO_8859_1).startsWith("HEAD ")) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            if (problem.getInt("status") != response.status() || !problem.containsKey("type")) {
                return "a problem whose status or type is wrong";
            }
        } catch (RuntimeException e) {
            return "a problem body that is not a JSON object";
        }
        return null;
    }

    private static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                text.append("\\r");
            } else if (b == '\n') {
                text.append("\\n");
            } else if (b < 0x20 || b >= 0x7f) {
                text.append(String.format("\\x%02x", b));
            } else {
                text.append((char) b);
            }
        }
        return bytes.length > max ? text + "…(" + bytes.length + " bytes)" : text.toString();
    }

    /** Valid requests to every endpoint, then one to three mutations of one of them. */
    static final class HttpRequestMutator {

        private static final List<String> METHODS =
                List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "G ET", "");
        private static final List<String> PATH_JUNK = List.of(
                "/x",
                "%00",
                "%ZZ",
                "%",
                "/..",
                "/../..",
                "//",
                ";jsessionid=1",
                "/%2e%2e/",
                "\u00e9",
                "%C3%A9",
                "/" + UUID.randomUUID(),
                "/null",
                "?",
                "#x",
                "%0d%0aX-Injected: 1",
                "~",
                "*",
                "/.well-known/x");
        private static final List<String> QUERY_JUNK = List.of(
                "?a=b", "?scope=", "?scope=x", "?=&=&", "?%ZZ", "?a=" + "x".repeat(3000), "?page=-1", "?limit=1e9");
        private static final List<String> CONTENT_TYPES = List.of(
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/json; charset=utf-16",
                "application/json; charset=nope",
                "application/problem+json",
                "*/*",
                "",
                "application/json;;",
                "x",
                "application/merge-patch+json");
        private static final List<String> ACCEPTS = List.of(
                "application/xml", "text/html", "*/*", "application/json;q=0", "x/y", "", "image/png, text/*;q=0.1");
        private static final List<String> JSON_FRAGMENTS = List.of(
                "{",
                "}",
                "[",
                "]",
                "\"",
                ",",
                ":",
                "null",
                "true",
                "1e999",
                "-0",
                "\\u0000",
                "\\ud800",
                "\u0000",
                "{\"email\":1}",
                "{\"password\":[]}",
                "[".repeat(5000),
                "\"" + "a".repeat(10_000) + "\"",
                "{\"email\":{\"$gt\":\"\"}}",
                "NaN",
                "'",
                "\u00ff\u00fe");

        private final String host;
        private final String email;
        private final String password;
        private final String token;
        private final String refreshToken;
        private final String organization;
        private final String apiKey;

        HttpRequestMutator(
                String host,
                String email,
                String password,
                String token,
                String refreshToken,
                String organization,
                String apiKey) {
            this.host = host;
            this.email = email;
            this.password = password;
            this.token = token;
            this.refreshToken = refreshToken;
            this.organization = organization;
            this.apiKey = apiKey;
        }

        private record Request(String method, String target, String version, List<String[]> headers, byte[] body) {}

        byte[] request(Random random) {
            Request request = valid(random);
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                request = mutate(request, random);
            }
            return bytes(request);
        }

        private Request valid(Random random) {
            String wrong = "wrong-" + random.nextInt(1000);
            String newEmail = "fuzz-" + random.nextInt(1_000_000) + "@example.com";
            String mailToken = SecretTokens.generate();
            String org = "/orgs/" + organization;
            return switch (random.nextInt(29)) {
                case 0 ->
                    json(
                            "POST",
                            "/auth/register",
                            null,
                            "{\"email\":\"" + newEmail + "\",\"password\":\"" + wrong + "-long-enough\"}");
                case 1 -> form("POST", "/auth/login", Api.form(Map.of("username", email, "password", wrong)));
                case 2 ->
                    form(
                            "POST",
                            "/auth/login",
                            Api.form(Map.of(
                                    "grant_type", "refresh_token", "refresh_token", "x" + refreshToken.substring(1))));
                case 3 -> form("POST", "/auth/refresh", Api.form(Map.of("refresh_token", refreshToken + "x")));
                case 4 ->
                    json(
                            "PATCH",
                            "/users/me",
                            token,
                            "{\"email\":\"" + newEmail + "\",\"current_password\":\"" + wrong + "\"}");
                case 5 ->
                    json(
                            "POST",
                            "/users/me/password",
                            token,
                            "{\"current_password\":\"" + wrong + "\",\"new_password\":\"" + wrong + "-new-one\"}");
                case 6 -> json("DELETE", "/users/me", token, "{\"password\":\"" + wrong + "\"}");
                case 7 -> bodiless("DELETE", "/users/me/sessions/" + UUID.randomUUID(), token);
                case 8 -> bodiless("GET", "/users/me/sessions", token);
                case 9 ->
                    bodiless(
                            "GET",
                            List.of("/health/ready", "/health/live", "/health/started", "/health")
                                    .get(random.nextInt(4)),
                            null);
                case 10 ->
                    bodiless(
                            "GET",
                            List.of("/openapi.json", "/docs", "/docs/", "/.well-known/jwks.json", "/")
                                    .get(random.nextInt(5)),
                            null);
                case 11 -> preflight();
                case 12 -> json("POST", "/auth/verify-email", null, "{\"token\":\"" + mailToken + "\"}");
                case 13 -> json("POST", "/auth/verify-email/resend", null, "{\"email\":\"" + newEmail + "\"}");
                case 14 -> json("POST", "/auth/password-reset", null, "{\"email\":\"" + newEmail + "\"}");
                case 15 ->
                    json(
                            "POST",
                            "/auth/password-reset/confirm",
                            null,
                            "{\"token\":\"" + mailToken + "\",\"new_password\":\"" + wrong + "-new-one\"}");
                case 16 ->
                    bodiless(
                            "GET",
                            List.of(
                                            "/account/verify-email",
                                            "/account/reset-password",
                                            "/account/accept-invitation",
                                            "/account/account.js")
                                    .get(random.nextInt(4)),
                            null);
                case 17 -> json("POST", "/orgs", token, "{\"name\":\"Fuzz " + wrong + "\",\"slug\":\"" + wrong + "\"}");
                case 18 ->
                    bodiless(
                            "GET",
                            List.of(
                                            "/orgs?page=2&per_page=3",
                                            org,
                                            org + "/members?per_page=1",
                                            org + "/invitations?status=pending",
                                            org
                                                    + "/audit-events?action=organization.created&since=2020-01-01T00:00:00Z",
                                            "/users/me/security-events?action=login.failed&per_page=5")
                                    .get(random.nextInt(6)),
                            token);
                case 19 -> json("PATCH", org, token, "{\"name\":\"Fuzz " + wrong + "\"}");
                case 20 ->
                    json("POST", org + "/invitations", token, "{\"email\":\"" + newEmail + "\",\"role\":\"member\"}");
                case 21 -> json("PATCH", org + "/members/" + UUID.randomUUID(), token, "{\"role\":\"admin\"}");
                case 22 -> bodiless("DELETE", org + "/invitations/" + UUID.randomUUID(), token);
                case 23 -> json("POST", "/invitations/accept", token, "{\"token\":\"" + mailToken + "\"}");
                case 24 ->
                    random.nextBoolean()
                            ? bodiless(
                                    "GET",
                                    List.of(
                                                    "/admin/users?q=fuzz&sort=-email&page=1",
                                                    "/admin/orgs?q=fuzz&sort=name",
                                                    "/admin/audit-events?action=login.failed&until=2999-01-01T00:00:00Z")
                                            .get(random.nextInt(3)),
                                    token)
                            : json("PATCH", "/admin/users/" + UUID.randomUUID(), token, "{\"is_active\":false}");
                case 25 ->
                    json(
                            "POST",
                            org + "/api-keys",
                            token,
                            "{\"name\":\"Fuzz " + wrong
                                    + "\",\"role\":\"member\",\"expires_at\":\"2999-01-01T00:00:00Z\"}");
                case 27 -> bodiless("DELETE", org + "/api-keys/" + UUID.randomUUID(), token);
                case 26 ->
                    random.nextBoolean()
                            ? bodiless(
                                    "GET",
                                    List.of(org, org + "/members", org + "/api-keys")
                                            .get(random.nextInt(3)),
                                    apiKey)
                            : json("PATCH", org, apiKey, "{\"name\":\"Fuzz " + wrong + "\"}");
                default -> bodiless("GET", "/users/me", token);
            };
        }

        private Request json(String method, String path, String bearer, String body) {
            return request(method, path, bearer, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        private Request form(String method, String path, String body) {
            return request(
                    method, path, null, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        }

        private Request bodiless(String method, String path, String bearer) {
            return request(method, path, bearer, null, new byte[0]);
        }

        private Request preflight() {
            Request request = bodiless("OPTIONS", "/users/me", null);
            request.headers().add(new String[] {"Origin", "https://app.example.com"});
            request.headers().add(new String[] {"Access-Control-Request-Method", "PATCH"});
            request.headers().add(new String[] {"Access-Control-Request-Headers", "authorization, content-type"});
            return request;
        }

        private Request request(String method, String path, String bearer, String contentType, byte[] body) {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Host", host});
            headers.add(new String[] {"Accept", "application/json"});
            if (bearer != null) {
                headers.add(new String[] {"Authorization", "Bearer " + bearer});
            }
            if (contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
            return new Request(method, path, "HTTP/1.1", headers, body);
        }

        private Request mutate(Request r, Random random) {
            List<String[]> headers = new ArrayList<>(r.headers());
            return switch (random.nextInt(12)) {
                case 0 -> new Request(pick(METHODS, random), r.target(), r.version(), headers, r.body());
                case 1 -> new Request(r.method(), r.target() + pick(PATH_JUNK, random), r.version(), headers, r.body());
                case 2 -> new Request(r.method(), r.target() + query(random), r.version(), headers, r.body());
                case 3 ->
                    new Request(
                            r.method(),
                            r.target(),
                            pick(List.of("HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1", "", "http/1.1"), random),
                            headers,
                            r.body());
                case 4 -> {
                    headers.removeIf(h -> h[0].equals("Content-Type"));
                    headers.add(new String[] {"Content-Type", pick(CONTENT_TYPES, random)});
                    yield new Request(r.method(), r.target(), r.version(), headers, r.body());
                }
                case 5 -> {
                    headers.removeIf(h -> h[0].equals("Authorization"));
                    headers.add(new String[] {"Authorization", authorization(random)});
                    yield new Request(r.method(), r.target(), r.version(), headers, r.body());
                }
                case 6 -> {
                    headers.add(junkHeader(random));
                    yield new Request(r.method(), r.target(), r.version(), headers, r.body());
                }
                case 7 -> {
                    if (!headers.isEmpty()) {
                        headers.remove(random.nextInt(headers.size()));
                    }
                    yield new Request(r.method(), r.target(), r.version(), headers, r.body());
                }
                case 8 -> new Request(r.method(), r.target(), r.version(), headers, flipBytes(r.body(), random));
                case 9 -> new Request(r.method(), r.target(), r.version(), headers, insertFragment(r.body(), random));
                case 10 ->
                    new Request(
                            r.method(),
                            r.target(),
                            r.version(),
                            headers,
                            r.body().length == 0
                                    ? r.body()
                                    : java.util.Arrays.copyOf(r.body(), random.nextInt(r.body().length)));
                default -> new Request(r.method(), r.target(), r.version(), headers, swapValueTypes(r.body(), random));
            };
        }

        /** Junk, or the secrets a careless client puts in a URL (which the server must never log). */
        private String query(Random random) {
            return random.nextBoolean()
                    ? pick(QUERY_JUNK, random)
                    : pick(
                            List.of(
                                    "?password=" + password,
                                    "?username=" + email.replace("@", "%40") + "&password=" + password,
                                    "?access_token=" + token,
                                    "?refresh_token=" + refreshToken,
                                    "?grant_type=refresh_token&refresh_token=" + refreshToken),
                            random);
        }

        private String authorization(Random random) {
            String flipped = flipChar(token, random);
            String[] parts = token.split("\\.");
            return pick(
                    List.of(
                            "Bearer " + flipped,
                            "Bearer " + token.substring(0, random.nextInt(token.length())),
                            "Bearer " + parts[1] + "." + parts[0] + "." + parts[2],
                            "Bearer " + parts[0] + "." + parts[1] + ".",
                            "Bearer " + parts[0] + ".." + parts[2],
                            "Bearer " + token + "." + parts[2],
                            "Bearer " + refreshToken,
                            "bearer " + token,
                            "BEARER  " + token,
                            "Bearer",
                            "Bearer ",
                            "Basic "
                                    + java.util.Base64.getEncoder().encodeToString((email + ":" + password).getBytes()),
                            "Bearer " + "a".repeat(20_000),
                            "Bearer " + token + "\u00e9",
                            "Bearer e30.e30.e30",
                            "Bearer eyJhbGciOiJub25lIn0.e30.",
                            "Bearer " + parts[0] + "."
                                    + java.util.Base64.getUrlEncoder()
                                            .withoutPadding()
                                            .encodeToString("{\"sub\":[],\"exp\":\"x\",\"iat\":1e999}".getBytes())
                                    + "." + parts[2],
                            "Digest x",
                            ""),
                    random);
        }

        private String[] junkHeader(Random random) {
            String value = pick(
                    List.of(
                            "x".repeat(random.nextInt(9000)),
                            "\u00e9\u00ff\u0080",
                            "a\tb",
                            "",
                            " ",
                            UUID.randomUUID().toString(),
                            "../../etc/passwd",
                            "${jndi:ldap://x}",
                            "%00",
                            "<script>"),
                    random);
            String name = pick(
                    List.of(
                            "X-Request-Id",
                            "X-Request-Id",
                            "Content-Length",
                            "Transfer-Encoding",
                            "Expect",
                            "Content-Encoding",
                            "Origin",
                            "Accept",
                            "Accept-Charset",
                            "X-Forwarded-For",
                            "Cookie",
                            "X-HTTP-Method-Override",
                            "If-Match",
                            "Range",
                            "Authorization",
                            "Host",
                            "X-Junk",
                            "Bad Name",
                            "\u00e9"),
                    random);
            if (name.equals("Content-Length")) {
                value = pick(List.of("-1", "0", "99999999999999999999", "abc", "1", "5"), random);
            } else if (name.equals("Transfer-Encoding")) {
                value = pick(List.of("chunked", "gzip", "identity", "x"), random);
            } else if (name.equals("Expect")) {
                value = "100-continue";
            } else if (name.equals("Accept")) {
                value = pick(ACCEPTS, random);
            }
            return new String[] {name, value};
        }

        private static byte[] flipBytes(byte[] body, Random random) {
            if (body.length == 0) {
                return new byte[] {(byte) random.nextInt(256)};
            }
            byte[] flipped = body.clone();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
            }
            return flipped;
        }

        private static byte[] insertFragment(byte[] body, Random random) {
            int at = body.length == 0 ? 0 : random.nextInt(body.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(body, 0, at);
            out.writeBytes(pick(JSON_FRAGMENTS, random).getBytes(StandardCharsets.UTF_8));
            out.write(body, at, body.length - at);
            return out.toByteArray();
        }

        /** Each string value in a JSON body becomes another type: the wrong-type inputs a validator must refuse. */
        private static byte[] swapValueTypes(byte[] body, Random random) {
            String text = new String(body, StandardCharsets.UTF_8);
            String replacement =
                    pick(List.of("1", "1.5", "true", "null", "[]", "{}", "[\"a\"]", "-1e400", "\"\""), random);
            return text.replaceAll(":\"[^\"]*\"", ":" + replacement).getBytes(StandardCharsets.UTF_8);
        }

        private static String flipChar(String text, Random random) {
            char[] chars = text.toCharArray();
            chars[random.nextInt(chars.length)] = "AZaz09-_.=+/ ".charAt(random.nextInt(13));
            return new String(chars);
        }

        private static <T> T pick(List<T> values, Random random) {
            return values.get(random.nextInt(values.size()));
        }

        private static byte[] bytes(Request r) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String requestLine = r.method() + " " + r.target() + (r.version().isEmpty() ? "" : " " + r.version());
            out.writeBytes(latin1OrUtf8(requestLine + "\r\n"));
            boolean hasLength = false;
            for (String[] header : r.headers()) {
                hasLength |=
                        header[0].equalsIgnoreCase("Content-Length") || header[0].equalsIgnoreCase("Transfer-Encoding");
                out.writeBytes(latin1OrUtf8(header[0] + ": " + header[1] + "\r\n"));
            }
            if (!hasLength && r.body().length > 0) {
                out.writeBytes(("Content-Length: " + r.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(r.body());
            return out.toByteArray();
        }

        /** Characters above Latin-1 go as UTF-8, the rest as single bytes: raw non-ASCII reaches the parser. */
        private static byte[] latin1OrUtf8(String text) {
            return text.chars().allMatch(c -> c < 0x100)
                    ? text.getBytes(StandardCharsets.ISO_8859_1)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
