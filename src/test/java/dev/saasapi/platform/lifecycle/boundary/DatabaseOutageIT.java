package dev.saasapi.platform.lifecycle.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real database outage, with the rate limits and login throttling on: the app's PostgreSQL (an embedded one of its own, so that stopping it
 * disturbs no other test) is stopped under a running app and started again on the same data.
 */
class DatabaseOutageIT {

    private static final String PASSWORD = "outage-Passw0rd";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);

    private static Path data;
    private static int databasePort;
    private static EmbeddedPostgres database;
    private static PayaraProcess payara;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("outage-pg");
        databasePort = PayaraProcess.freePort();
        database = startDatabase();
        // the limits as deployed: their state is in the database too, and they must not change what an outage answers
        payara = PayaraProcess.start(Map.of(
                "DATABASE_URL",
                "postgresql://postgres:postgres@localhost:" + databasePort + "/postgres",
                "RATE_LIMIT_LOGIN_PER_IP",
                "30/5m",
                "RATE_LIMIT_REGISTER_PER_IP",
                "30/5m",
                "LOGIN_THROTTLE_MAX_SECONDS",
                "900"));
        api = new Api(payara.url());
    }

    @AfterAll
    static void stop() throws IOException {
        if (payara != null) {
            payara.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void outageGets503sWithinSecondsAndServiceComesBackByItself() throws Exception {
        String email = Api.uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        assertEquals(200, api.get("/health/ready").statusCode());

        database.close();
        database = null;

        assertUnavailable(() -> api.register(Api.uniqueEmail(), PASSWORD));
        assertUnavailable(() -> api.login(email, PASSWORD));
        assertUnavailable(() -> api.send(api.request("/users/me/sessions")
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "outage-me")));
        // the account itself is read from the cache: what needs nothing else is still answered
        assertEquals(200, timed(() -> api.get("/users/me", token)).statusCode());
        // text log lines: the warning and the request's own line both name the request
        assertEquals(1, payara.logLines("[request_id=outage-me] Database unavailable"), payara.log());
        HttpResponse<String> ready = timed(() -> api.get("/health/ready"));
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"DOWN\""), ready.body());
        assertEquals(200, api.get("/health/live").statusCode(), "a database outage is no reason to restart");
        assertEquals(
                1,
                payara.logLines("[request_id=outage-me] method=GET route=/users/me/sessions status=503"),
                payara.log());
        assertEquals(
                1,
                payara.logLines("Rate limits are not enforced: their state cannot be read"),
                "the limits let requests through, with one warning a minute:\n" + payara.log());

        database = startDatabase();
        long restarted = System.nanoTime();
        HttpResponse<String> me;
        do {
            Thread.sleep(200);
            me = api.get("/users/me/sessions", token);
        } while (me.statusCode() != 200 && System.nanoTime() - restarted < RECOVER_WITHIN.toNanos());
        Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
        assertEquals(200, me.statusCode(), "not recovered within " + RECOVER_WITHIN + ": " + me.body());
        System.out.println("Recovered " + recovery.toMillis() + " ms after PostgreSQL was back");
        assertEquals(200, api.login(email, PASSWORD).statusCode(), "the account survived the outage");
        assertEquals(201, api.register(Api.uniqueEmail(), PASSWORD).statusCode());
        assertEquals(200, api.get("/health/ready").statusCode());
    }

    private static void assertUnavailable(Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response = timed(request);
        assertProblem(response, 503, "/problems/database-unavailable");
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(response.request().method() + " " + response.uri().getPath() + " -> " + response.statusCode()
                + " in " + took.toMillis() + " ms");
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered after " + took);
        return response;
    }

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(databasePort)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
    }
}
