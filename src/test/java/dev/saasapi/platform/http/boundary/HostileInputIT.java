package dev.saasapi.platform.http.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What clients and attackers send that the API must refuse cleanly: each gets a 4xx problem, nothing
 * reaches the database, and the server keeps answering.
 */
class HostileInputIT extends HttpIT {

    @org.junit.jupiter.api.AfterAll
    static void noPasswordSentHereReachedTheLog() {
        dev.saasapi.it.ServerLog.assertContainsNone(java.util.List.of(PASSWORD));
    }

    /** Unique to the run, so that the log scan finds this run's lines only. */
    private static final String PASSWORD = "s3cret-Passw0rd-" + java.util.UUID.randomUUID();

    private static final String EMAIL_PLACEHOLDER = "EMAIL";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\": \"EMAIL\", \"password\": \"s3cret-Passw0rd\"",
                "{\"email\": \"EMAIL\", \"password\": \"s3cret-Passw0rd\"} trailing",
                "{\"email\": \"EMAIL\", \"password\": \"s3cret-Passw0rd\"}{}",
                "{\"email\": \"other@example.com\", \"email\": \"EMAIL\", \"password\": \"s3cret-Passw0rd\"}",
                "[{\"email\": \"EMAIL\", \"password\": \"s3cret-Passw0rd\"}]",
                "\"EMAIL\"",
                "null",
                "",
                "{\"email\": 5, \"password\": \"s3cret-Passw0rd\"}",
                "{\"email\": [\"EMAIL\"], \"password\": \"s3cret-Passw0rd\"}",
                "{\"email\": \"EMAIL\", \"password\": 12345678}",
                "{\"email\": \"EMAIL\", \"password\": \"s3cret\\u0000Passw0rd\"}",
                "{\"email\": \"EMAIL\\u0000\", \"password\": \"s3cret-Passw0rd\"}",
            })
    void refusesMalformedJsonWithoutCreatingAnAccount(String template) throws Exception {
        String email = Api.uniqueEmail();

        HttpResponse<String> response = api.postJson("/auth/register", template.replace(EMAIL_PLACEHOLDER, email));

        assertProblem(response, 400, "/problems/malformed-body");
        assertNoAccount(email);
    }

    @Test
    void refusesNullsForRequiredFieldsAsInvalidFields() throws Exception {
        String email = Api.uniqueEmail();

        HttpResponse<String> response =
                api.postJson("/auth/register", "{\"email\": \"" + email + "\", \"password\": null}");

        assertProblem(response, 422, "/problems/validation");
        assertNoAccount(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "is_active", "email_verified", "role", "is_superuser", "password_hash", "created_at"})
    void refusesUnknownOrPrivilegedFieldsInsteadOfApplyingThem(String field) throws Exception {
        String email = Api.uniqueEmail();
        String body = "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"" + field + "\": "
                + (field.equals("email_verified") ? "true" : field.startsWith("is_") ? "false" : "\"x\"") + "}";

        JsonObject problem = assertProblem(api.postJson("/auth/register", body), 400, "/problems/malformed-body");

        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertNoAccount(email);

        String token = api.registeredToken(email, PASSWORD);
        HttpResponse<String> patch =
                api.patchJson("/users/me", token, "{\"" + field + "\": " + field.equals("email_verified") + "}");
        assertProblem(patch, 400, "/problems/malformed-body");
        JsonObject me = Api.json(api.get("/users/me", token));
        assertTrue(me.getBoolean("is_active"));
        assertFalse(me.getBoolean("email_verified"));
    }

    @Test
    void refusesInvalidUtf8WithoutCreatingAnAccount() throws Exception {
        String email = Api.uniqueEmail();
        byte[] prefix = ("{\"email\": \"" + email + "\", \"password\": \"s3cret-Pass").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "w0rd\"}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(prefix.length + 2 + suffix.length)
                .put(prefix)
                .put((byte) 0xC3) // a lead byte without its continuation
                .put((byte) 0x28)
                .put(suffix);

        HttpResponse<String> response = api.send(api.request("/auth/register")
                .header("Content-Type", Api.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.array())));

        assertProblem(response, 400, "/problems/malformed-body");
        assertNoAccount(email);
    }

    @Test
    void refusesAJsonBodyWithoutOrWithAWrongContentType() {
        String body = Api.registration(Api.uniqueEmail(), PASSWORD);

        assertProblem(
                api.send(api.request("/auth/register").POST(HttpRequest.BodyPublishers.ofString(body))),
                415,
                "about:blank");
        assertProblem(
                api.send(api.request("/auth/register")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                415,
                "about:blank");
    }

    @Test
    void refusesADeclaredTwoMegabyteBodyBeforeReadingIt() throws Exception {
        Api http11 = api.http11();
        String email = Api.uniqueEmail();
        String body = Api.registration(email, "p".repeat(2 * 1024 * 1024));

        HttpResponse<String> response = http11.postJson("/auth/register", body);

        assertProblem(response, 413, "about:blank");
        assertNoAccount(email);
        assertServerStillAnswers();
    }

    @Test
    void refusesAStreamedOversizedBodyWithoutContentLength() throws Exception {
        Api http11 = api.http11();
        String email = Api.uniqueEmail();
        byte[] body = Api.registration(email, "p".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http11.send(http11.request("/auth/register")
                .header("Content-Type", Api.JSON)
                .POST(chunked(body)));

        assertProblem(response, 413, "about:blank");
        assertNoAccount(email);
        assertServerStillAnswers();
    }

    @Test
    void refusesAMegabytePasswordOrUsernameAtLogin() {
        Api http11 = api.http11();
        String email = Api.uniqueEmail();
        http11.registeredToken(email, PASSWORD);

        assertProblem(http11.login(email, "p".repeat(1024 * 1024)), 413, "about:blank");
        assertProblem(http11.login("u".repeat(1024 * 1024) + "@example.com", PASSWORD), 413, "about:blank");
        assertProblem(
                http11.send(http11.request("/auth/login")
                        .header("Content-Type", Api.FORM)
                        .POST(chunked(Api.form(Map.of("username", email, "password", "p".repeat(1024 * 1024)))
                                .getBytes(StandardCharsets.US_ASCII)))),
                413,
                "about:blank");
        assertServerStillAnswers();
    }

    @Test
    void refusesAPasswordOverTheMaximumAtLoginLikeAWrongOne() {
        String email = Api.uniqueEmail();
        String longest = "p".repeat(128);
        api.registeredToken(email, longest);

        assertEquals(200, api.login(email, longest).statusCode());
        assertProblem(api.login(email, longest + "p"), 401, "/problems/invalid-credentials");
    }

    @Test
    void refusesASixteenKilobyteAuthorizationHeader() {
        String huge = "Bearer " + "a".repeat(16 * 1024);

        for (String path : List.of("/users/me", "/auth/login")) {
            HttpResponse<String> response =
                    api.send(api.request(path).header("Authorization", huge).GET());
            assertProblem(response, 431, "about:blank");
        }
        assertServerStillAnswers();
    }

    @Test
    void refusesNulAndInvalidUtf8InTheLoginForm() throws Exception {
        String email = Api.uniqueEmail();
        api.registeredToken(email, PASSWORD);
        String encodedEmail = email.replace("@", "%40");

        for (String form : List.of(
                "username=" + encodedEmail + "%00&password=" + PASSWORD,
                "username=" + encodedEmail + "&password=" + PASSWORD + "%00",
                "username=" + encodedEmail + "&password=" + PASSWORD + "%C3%28",
                "username=" + encodedEmail + "&password=" + PASSWORD + "%G1",
                "username=" + encodedEmail + "&username=other%40example.com&password=" + PASSWORD)) {
            HttpResponse<String> response = api.send(api.request("/auth/login")
                    .header("Content-Type", Api.FORM)
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            JsonObject problem = assertProblem(response, 400, "/problems/malformed-body");
            assertEquals("invalid_request", problem.getString("error"), form);
        }
    }

    @Test
    void refusesCredentialsInTheQueryStringOfLogin() {
        String email = Api.uniqueEmail();
        api.registeredToken(email, PASSWORD);
        String query = "?" + Api.form(Map.of("username", email, "password", PASSWORD));

        HttpResponse<String> onlyInUrl = api.send(api.request("/auth/login" + query)
                .header("Content-Type", Api.FORM)
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> alsoInBody = api.send(api.request("/auth/login" + query)
                .header("Content-Type", Api.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("username", email, "password", PASSWORD)))));

        for (HttpResponse<String> response : List.of(onlyInUrl, alsoInBody)) {
            JsonObject problem = assertProblem(response, 400, "/problems/malformed-body");
            assertEquals("invalid_request", problem.getString("error"));
            assertFalse(response.body().contains("access_token"));
        }
    }

    private void assertServerStillAnswers() {
        assertEquals(200, api.get("/openapi.json").statusCode());
    }

    private static void assertNoAccount(String email) throws Exception {
        assertEquals(
                0,
                TestDatabase.count("SELECT count(*) FROM users WHERE lower(email) LIKE lower(?)", email + "%"),
                "no account may be created for " + email);
    }

    /** A body sent with chunked transfer encoding: its length is not known until it has been read. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
