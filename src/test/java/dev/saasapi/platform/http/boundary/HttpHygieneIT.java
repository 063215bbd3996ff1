package dev.saasapi.platform.http.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.RawHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers and methods: what every response says about itself, and what the server refuses to do. */
class HttpHygieneIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";

    @Test
    void everyResponseForbidsContentSniffingAndNamesNoProduct() {
        String email = Api.uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        List<HttpResponse<String>> responses = List.of(
                api.get("/users/me", token),
                api.get("/users/me"),
                api.get("/users/me", "not-a-token"),
                api.get("/no/such/path"),
                api.get("/docs/"),
                api.get("/openapi.json"),
                api.get("/.well-known/jwks.json"),
                api.login(email, PASSWORD),
                api.login(email, "wrong-Passw0rd"),
                api.postJson("/auth/register", "{"));

        for (HttpResponse<String> response : responses) {
            String where = response.request().method() + " " + response.uri() + " -> " + response.statusCode();
            assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), where);
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), where);
            String server = response.headers().firstValue("Server").orElse("").toLowerCase(Locale.ROOT);
            assertFalse(server.contains("payara") || server.matches(".*\\d.*"), where + ": Server " + server);
        }
    }

    @Test
    void tokensAndAccountsAreNeverCached() {
        String email = Api.uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);

        HttpResponse<String> login = api.login(email, PASSWORD);
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", login.headers().firstValue("Pragma").orElse(""));
        assertEquals(
                "no-store",
                api.get("/users/me", token)
                        .headers()
                        .firstValue("Cache-Control")
                        .orElse(""));
        assertEquals(
                "no-store",
                api.patchJson("/users/me", token, "{}")
                        .headers()
                        .firstValue("Cache-Control")
                        .orElse(""));
    }

    @Test
    void traceIsRefused() {
        for (String path : List.of("/users/me", "/auth/login", "/docs/")) {
            HttpResponse<String> response = api.send(api.request(path)
                    .header("Cookie", "session=secret-cookie")
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()));

            assertProblem(response, 405, "about:blank");
            assertFalse(response.body().contains("secret-cookie"), response.body());
            assertTrue(response.headers().firstValue("Allow").isPresent());
        }
    }

    @Test
    void aMethodAnEndpointDoesNotServeIsNotAllowedNotUnimplemented() {
        for (String method : List.of("FOO", "PATCH")) {
            for (String path : List.of("/health/ready", "/metrics", "/docs/", "/openapi.json", "/auth/register")) {
                HttpResponse<String> response =
                        api.send(api.request(path).method(method, HttpRequest.BodyPublishers.noBody()));

                assertEquals(405, response.statusCode(), method + " " + path + ": " + response.body());
                assertProblem(response, 405, "about:blank");
                assertTrue(response.headers().firstValue("Allow").isPresent(), path);
            }
        }
    }

    @Test
    void aQueryThatCannotBeDecodedIsABadRequest() throws IOException {
        String token = api.registeredToken(Api.uniqueEmail(), "correct horse battery staple");
        RawHttp raw = new RawHttp(api.uri("/"));
        for (String path : List.of("/users/me/sessions?%ZZ", "/users/me?a=%", "/health/ready?x=%G1")) {
            RawHttp.Response response = raw.send(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json; charset=utf-16\r\n"
                            + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            assertEquals(400, response.status(), path + ": " + response.text());
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), path);
            assertTrue(response.text().contains("\"status\":400"), response.text());
        }
        // a query is UTF-8 whatever charset the request names for a body: decoded as UTF-16 this one was a 500
        RawHttp.Response health = raw.send(("GET /health?a=b HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json; charset=utf-16\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, health.status(), health.text());
    }

    @Test
    void anUnsatisfiableRangeOnADocumentIsAProblemToo() {
        HttpResponse<String> response =
                api.send(api.request("/docs/").header("Range", "bytes=x-y").GET());

        assertProblem(response, 416, "about:blank");
    }

    @Test
    void crossOriginAccessIsOffByDefault() {
        HttpResponse<String> simple = api.send(api.request("/openapi.json")
                .header("Origin", "https://evil.example")
                .GET());
        HttpResponse<String> preflight = api.send(api.request("/users/me")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> response : List.of(simple, preflight)) {
            Map<String, List<String>> headers = response.headers().map();
            assertTrue(
                    headers.keySet().stream()
                            .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")),
                    headers.toString());
        }
    }
}
