package dev.saasapi.platform.lifecycle.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM to a real Payara Micro process while a request is in flight. */
class GracefulShutdownIT {

    @Test
    void sigtermTurnsReadinessDownLetsTheRequestInFlightFinishAndExitsZero() throws Exception {
        try (PayaraProcess payara = PayaraProcess.start(
                Map.of("DATABASE_URL", System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY)))) {
            Api api = new Api(payara.url());
            String token = api.registeredToken(Api.uniqueEmail(), "shutdown-Passw0rd");
            assertEquals(200, api.get("/health/ready").statusCode());

            CompletableFuture<HttpResponse<String>> inFlight;
            try (Connection lock = TestDatabase.connect();
                    Statement statement = lock.createStatement()) {
                // holds GET /users/me in its SELECT until the lock is released: a request in flight
                lock.setAutoCommit(false);
                statement.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
                inFlight = CompletableFuture.supplyAsync(() -> api.get("/users/me", token));
                Thread.sleep(500);

                payara.terminate();
                HttpResponse<String> ready = api.get("/health/ready");
                for (int i = 0; i < 20 && ready.statusCode() != 503; i++) {
                    Thread.sleep(50);
                    ready = api.get("/health/ready");
                }
                assertEquals(503, ready.statusCode(), "readiness turns DOWN first: " + ready.body());
                assertFalse(inFlight.isDone(), "the request is still in flight");
                lock.rollback();
            }

            HttpResponse<String> me = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(OptionalInt.of(0), payara.exitStatus(Duration.ofSeconds(30)));
            // the request held in flight, and perhaps a readiness probe the test sent meanwhile
            assertEquals(1, payara.logLines("SIGTERM: readiness is DOWN; waiting for "), payara.log());
            assertEquals(0, payara.logLines("SIGTERM: readiness is DOWN; waiting for 0 request"), payara.log());
            assertEquals(0, payara.logLines("request(s) unfinished"), payara.log());
        }
    }
}
