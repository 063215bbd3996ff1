package dev.saasapi.sessions.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.PrometheusText;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestMail;
import dev.saasapi.it.TestSchema;
import dev.saasapi.platform.ratelimit.control.FailureThrottle;
import dev.saasapi.platform.ratelimit.control.RateLimitsCommand;
import dev.saasapi.platform.secrets.control.SecretTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login throttling per email on a server of its own (waits capped at 4 s so that the test can sit
 * them out): failed logins in a row make the email wait, doubling, before its next password check;
 * unknown emails alike; a success, a password reset or the operator's command ends the wait; the
 * sessions of a throttled email go on.
 */
class LoginThrottleIT {

    private static final String PASSWORD = "throttle-Passw0rd";
    private static final String WRONG = "wr0ng-Passw0rd";
    private static final long CAP_SECONDS = 4;

    private static TestSchema schema;
    private static TestMail smtp;
    private static PayaraProcess server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        schema = TestSchema.create("throttle");
        smtp = TestMail.start();
        Map<String, String> settings = new TreeMap<>(smtp.settings(TestMail.SUITE_PUBLIC_URL));
        settings.put("LOGIN_THROTTLE_MAX_SECONDS", String.valueOf(CAP_SECONDS));
        server = schema.start(settings);
        api = new Api(server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        smtp.close();
        schema.close();
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheCapAndASuccessEndsIt() throws Exception {
        String email = registered();
        for (long wait : List.of(1L, 2L, 4L, 4L)) {
            assertEquals(401, api.login(email, WRONG).statusCode());
            HttpResponse<String> refused = api.login(email, PASSWORD);
            assertThrottled(refused, wait);
            assertEquals(
                    "\"login-account\";q=1;w=" + wait,
                    refused.headers().firstValue("RateLimit-Policy").orElseThrow());
            Thread.sleep(wait * 1000 + 300);
        }
        String hashed = SecretTokens.hash(email.toLowerCase(Locale.ROOT)).substring(0, 12);
        String throttled = "Logins for email #" + hashed + " (SHA-256) are throttled: 1 failed in a row";
        assertEquals(
                1,
                server.logLines(throttled),
                "one line when the email started waiting, none for the refusals after it:\n" + server.log());
        assertEquals(200, api.login(email, PASSWORD).statusCode(), "the right password after the wait");

        assertEquals(401, api.login(email, WRONG).statusCode());
        assertThrottled(api.login(email, PASSWORD), 1); // counted from the start again
        assertEquals(2, server.logLines(throttled), "a new line: the success ended the first wait");
        assertFalse(server.log().contains(email), "the email itself is never logged");
        assertFalse(server.log().contains(WRONG), "nor a password");
    }

    @Test
    void unknownAndExistingEmailsGetTheSameAnswersAndNoPasswordIsHashedWhileWaiting() throws Exception {
        String existing = registered();
        String unknown = Api.uniqueEmail();
        assertEquals(answer(api.login(existing, WRONG)), answer(api.login(unknown, WRONG)));

        double hashes = metric("password_hashes", Map.of());
        double refusals = metric("rate_limit_refusals_total", Map.of("policy", "login-account"));
        List<String> existingAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            existingAnswers.add(answer(api.login(existing, PASSWORD)));
            unknownAnswers.add(answer(api.login(unknown, PASSWORD)));
        }
        assertTrue(existingAnswers.get(0).startsWith("429 "), existingAnswers.get(0));
        assertEquals(existingAnswers, unknownAnswers);
        assertEquals(hashes, metric("password_hashes", Map.of()), "a waiting email's password is not hashed");
        assertEquals(refusals + 6, metric("rate_limit_refusals_total", Map.of("policy", "login-account")));
    }

    @Test
    void parallelGuessesAfterAWaitGetOnePasswordCheck() throws Exception {
        String email = registered();
        assertEquals(401, api.login(email, WRONG).statusCode());
        Thread.sleep(1300);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            guesses.add(() -> api.login(email, WRONG).statusCode());
        }
        List<Integer> statuses = Concurrently.run(guesses);
        assertEquals(1, statuses.stream().filter(status -> status == 401).count(), "" + statuses);
        assertEquals(7, statuses.stream().filter(status -> status == 429).count(), "" + statuses);
    }

    @Test
    void aThrottledEmailsSessionsKeepRefreshing() throws Exception {
        String email = registered();
        HttpResponse<String> login = api.login(email, PASSWORD);
        assertEquals(200, login.statusCode());
        assertEquals(401, api.login(email, WRONG).statusCode());
        assertThrottled(api.login(email, PASSWORD), 1);

        HttpResponse<String> refreshed = api.refresh(Api.json(login).getString("refresh_token"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        HttpResponse<String> grant = api.postForm(
                "/auth/login",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        Api.json(refreshed).getString("refresh_token")));
        assertEquals(200, grant.statusCode(), grant.body());
        assertEquals(
                200,
                api.get("/users/me", Api.json(grant).getString("access_token")).statusCode());
    }

    @Test
    void aPasswordResetEndsTheWait() throws Exception {
        String email = registered();
        assertEquals(401, api.login(email, WRONG).statusCode());
        Thread.sleep(1300);
        assertEquals(401, api.login(email, WRONG).statusCode());
        assertThrottled(api.login(email, PASSWORD), 2);

        assertEquals(
                202,
                api.postJson("/auth/password-reset", "{\"email\":\"" + email + "\"}")
                        .statusCode());
        String link = TestMail.link(
                smtp.awaitOne(email, "Reset your password"), TestMail.SUITE_PUBLIC_URL, "/account/reset-password");
        String newPassword = "throttle-N3w-Passw0rd";
        HttpResponse<String> reset = api.postJson(
                "/auth/password-reset/confirm",
                Json.createObjectBuilder()
                        .add("token", TestMail.token(link))
                        .add("new_password", newPassword)
                        .build()
                        .toString());
        assertEquals(204, reset.statusCode(), reset.body());

        assertEquals(0, throttleRows(email), "the reset forgot the failures");
        assertEquals(401, api.login(email, WRONG).statusCode());
        assertThrottled(api.login(email, newPassword), 1); // the first failure's wait, not the third's
    }

    @Test
    void theOperatorCommandEndsAWait() throws Exception {
        String email = registered();
        assertEquals(401, api.login(email, WRONG).statusCode());
        assertThrottled(api.login(email, PASSWORD), 1);

        String said;
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema.name());
            said = RateLimitsCommand.release(connection, " " + email.toUpperCase(Locale.ROOT));
        }
        assertEquals("released email " + email + ": its wait after failed logins ended", said);
        assertEquals(200, api.login(email, PASSWORD).statusCode());
    }

    @Test
    void everySpellingThatFindsTheAccountSharesItsWait() throws Exception {
        String email = "kim-" + UUID.randomUUID() + "@example.com";
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        // PostgreSQL's lower() makes the dotted capital I an "i"; Java's toLowerCase makes it "i" and a dot
        String dotted = email.replace("kim", "K\u0130M");
        assertEquals(200, api.login(dotted, PASSWORD).statusCode(), "the database finds the account by it");

        assertEquals(401, api.login(dotted, WRONG).statusCode());
        assertThrottled(api.login(email, PASSWORD), 1);
        Thread.sleep(1300);
        assertEquals(401, api.login(email.toUpperCase(Locale.ROOT), WRONG).statusCode());
        assertThrottled(api.login(dotted, PASSWORD), 2);
    }

    private static String registered() {
        String email = Api.uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        return email;
    }

    private static void assertThrottled(HttpResponse<String> response, long seconds) {
        assertProblem(response, 429, "/problems/rate-limited");
        assertEquals(
                String.valueOf(seconds),
                response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(
                "\"login-account\";r=0;t=" + seconds,
                response.headers().firstValue("RateLimit").orElseThrow());
    }

    /** Status, the headers a client could tell apart, and the body without what names the request. */
    private static String answer(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeAll(List.of("date", "x-request-id", "content-length"));
        JsonObject body = Api.json(response);
        JsonObject comparable = Json.createObjectBuilder(body)
                .remove("instance")
                .remove("request_id")
                .build();
        return response.statusCode() + " " + headers + " " + comparable;
    }

    private static double metric(String name, Map<String, String> tags) {
        return new PrometheusText(api.get("/metrics?scope=application").body()).value(name, tags);
    }

    private static long throttleRows(String email) throws Exception {
        return TestDatabase.count(
                "SELECT count(*) FROM " + schema.name() + "." + FailureThrottle.TABLE + " WHERE key = ?",
                FailureThrottle.loginKey(email));
    }
}
