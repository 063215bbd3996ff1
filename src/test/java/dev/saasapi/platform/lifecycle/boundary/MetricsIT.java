package dev.saasapi.platform.lifecycle.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.PrometheusText;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /metrics in Prometheus text: what the API counts and measures, read before and after real requests. */
class MetricsIT extends HttpIT {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String PASSWORD = "metrics-Passw0rd";

    @Test
    void countsAndTimesRequestsByRouteAndStatusClass() {
        String token = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        Map<String, String> ok = Map.of("method", "GET", "route", "/users/me", "status", "2xx");
        Map<String, String> refused = Map.of("method", "GET", "route", "/users/me", "status", "4xx");
        PrometheusText before = metrics();

        assertEquals(200, api.get("/users/me", token).statusCode());
        assertEquals(200, api.get("/users/me", token).statusCode());
        assertEquals(401, api.get("/users/me", "not-a-token").statusCode());
        assertEquals(404, api.get("/no/such/" + java.util.UUID.randomUUID()).statusCode());

        PrometheusText after = metrics();
        assertEquals(2, after.value(REQUESTS, ok) - before.value(REQUESTS, ok));
        assertEquals(1, after.value(REQUESTS, refused) - before.value(REQUESTS, refused));
        Map<String, String> unmatched = Map.of("method", "GET", "route", "unmatched", "status", "4xx");
        assertEquals(1, after.value(REQUESTS, unmatched) - before.value(REQUESTS, unmatched));
        double seconds = after.value("http_server_requests_seconds_sum", ok)
                - before.value("http_server_requests_seconds_sum", ok);
        assertTrue(seconds > 0 && seconds < 5, "two requests took " + seconds + " s");
        assertEquals(
                1,
                after.value("auth_invalid_tokens_total", Map.of())
                        - before.value("auth_invalid_tokens_total", Map.of()));
    }

    @Test
    void countsLoginsByOutcome() {
        String email = Api.uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        Map<String, String> success = Map.of("outcome", "success");
        Map<String, String> failure = Map.of("outcome", "failure");
        PrometheusText before = metrics();

        assertEquals(200, api.login(email, PASSWORD).statusCode());
        assertEquals(401, api.login(email, "wrong-" + PASSWORD).statusCode());
        assertEquals(401, api.login(Api.uniqueEmail(), PASSWORD).statusCode());

        PrometheusText after = metrics();
        assertEquals(1, after.value("auth_logins_total", success) - before.value("auth_logins_total", success));
        assertEquals(2, after.value("auth_logins_total", failure) - before.value("auth_logins_total", failure));
    }

    @Test
    void showsHowFullThePasswordHashingSlotsAndTheConnectionPoolAre() {
        PrometheusText now = metrics();
        assertEquals(32, now.value("password_hash_slots", Map.of()), "PASSWORD_HASH_CONCURRENCY of the tests");
        assertEquals(0, now.value("password_hash_slots_in_use", Map.of()), "nothing is hashing between requests");
        assertTrue(now.has("password_hash_refusals"));
        assertEquals(20, now.value("db_pool_connections_max", Map.of()));
        assertEquals(0, now.value("db_pool_connections_in_use", Map.of()), "no connection is kept between requests");
        assertTrue(now.value("db_pool_connections_free", Map.of()) >= 1, "the pool keeps connections open");
    }

    private PrometheusText metrics() {
        HttpResponse<String> response = api.get("/metrics?scope=application");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Api.contentType(response).startsWith("text/plain"), Api.contentType(response));
        return new PrometheusText(response.body());
    }
}
