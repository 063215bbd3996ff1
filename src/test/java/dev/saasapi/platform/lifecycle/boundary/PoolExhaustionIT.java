package dev.saasapi.platform.lifecycle.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.PrometheusText;
import dev.saasapi.it.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * More concurrent requests than pooled connections (20): the table the requests read is locked, so
 * every connection handed out stays busy until the lock goes. The excess waits for a connection,
 * briefly, then gets a 503; nothing deadlocks and no connection is left taken afterwards.
 */
@Isolated // no other class's server may use the suite's schema meanwhile (locks, a locked table)
class PoolExhaustionIT extends HttpIT {

    private static final int POOL = 20;
    private static final int REQUESTS = 40;
    private static final String PASSWORD = "exhaustion-Passw0rd";

    @Test
    void excessRequestsWaitForAConnectionAndAreServedWhenOneComesFree() throws Exception {
        String token = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        List<HttpResponse<String>> responses;
        try (Connection lock = lockSessions()) {
            List<CompletableFuture<HttpResponse<String>>> calls = callSessions(token);
            PrometheusText busy = waitForExhaustedPool();
            assertEquals(POOL, busy.value("db_pool_connections_in_use", Map.of()), "every connection is taken");
            assertTrue(busy.value("db_pool_waiting", Map.of()) > 0, "and requests wait for one");
            Thread.sleep(1000);
            lock.rollback(); // within the 5 s a request waits for a connection
            responses = join(calls);
        }
        for (HttpResponse<String> response : responses) {
            assertEquals(200, response.statusCode(), response.body());
        }
        assertNoConnectionTaken();
    }

    @Test
    void excessRequestsGet503WhenNoConnectionComesFreeInTimeAndTheAppRecovers() throws Exception {
        String token = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        long start = System.nanoTime();
        List<HttpResponse<String>> responses;
        try (Connection lock = lockSessions()) {
            List<CompletableFuture<HttpResponse<String>>> calls = callSessions(token);
            waitForExhaustedPool();
            responses = join(calls); // the lock is held past every bounded wait
            lock.rollback();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "answered after " + took);
        for (HttpResponse<String> response : responses) {
            assertProblem(response, 503, "/problems/database-unavailable");
            assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
        }
        assertNoConnectionTaken();
        assertEquals(200, api.get("/users/me/sessions", token).statusCode(), "served again at once");
    }

    private List<CompletableFuture<HttpResponse<String>>> callSessions(String token) {
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        Api http11 = api.http11();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> http11.get("/users/me/sessions", token), threads));
        }
        threads.shutdown();
        return calls;
    }

    private static List<HttpResponse<String>> join(List<CompletableFuture<HttpResponse<String>>> calls) {
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static Connection lockSessions() throws Exception {
        Connection lock = TestDatabase.connect();
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
            statement.execute("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE");
        }
        return lock;
    }

    /** The pool's gauges once every connection is out; /metrics itself needs no connection. */
    private PrometheusText waitForExhaustedPool() throws InterruptedException {
        PrometheusText metrics = metrics();
        for (int i = 0; i < 40 && metrics.value("db_pool_connections_in_use", Map.of()) < POOL; i++) {
            Thread.sleep(50);
            metrics = metrics();
        }
        return metrics;
    }

    private void assertNoConnectionTaken() throws InterruptedException {
        PrometheusText metrics = metrics();
        for (int i = 0; i < 20 && metrics.value("db_pool_connections_in_use", Map.of()) > 0; i++) {
            Thread.sleep(100);
            metrics = metrics();
        }
        assertEquals(0, metrics.value("db_pool_connections_in_use", Map.of()), "a connection was leaked");
        assertEquals(0, metrics.value("db_pool_waiting", Map.of()));
        assertEquals(POOL, metrics.value("db_pool_connections_max", Map.of()));
    }

    private PrometheusText metrics() {
        return new PrometheusText(api.get("/metrics?scope=application").body());
    }
}
