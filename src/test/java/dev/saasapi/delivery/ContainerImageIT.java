package dev.saasapi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.saasapi.delivery.DeliveryFiles.Dockerfile;
import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The container image's command line and health check, run on this machine (no Docker engine here):
 * the Dockerfile's ENTRYPOINT and CMD start the WAR with the pre-boot settings, and its HEALTHCHECK
 * tells a ready app from one that is not, and {@code docker stop} ends it gracefully. Paths of the image map to the project files that its COPY
 * instructions take; the image's port becomes a free one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

    private static Dockerfile dockerfile;
    private static Dockerfile image;
    private static PayaraProcess payara;
    private static int port;
    /** Its own tables: the docker stop test locks its users table, and the suite's servers must not wait. */
    private static String schema;

    @BeforeAll
    static void start() throws Exception {
        dockerfile = DeliveryFiles.dockerfile();
        image = dockerfile.finalStage();
        port = PayaraProcess.freePort();
        List<String> imageCommand = image.command();
        assertEquals("java", imageCommand.get(0));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (int i = 1; i < imageCommand.size(); i++) {
            String word = imageCommand.get(i);
            if (imageCommand.get(i - 1).equals("--port")) {
                word = String.valueOf(port);
            } else if (word.endsWith("/payara-micro.jar")) {
                word = PayaraProcess.payaraMicroJar().toString(); // the base image's own jar
            } else if (word.startsWith("/")) {
                word = dockerfile.projectFileOf(word).toAbsolutePath().toString();
            }
            command.add(word);
        }
        schema = "image_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        String url = System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY);
        payara = PayaraProcess.start(
                command,
                port,
                Map.of("DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema));
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void imageCommandServesTheApiWithThePrebootSettings() {
        Api api = new Api(payara.url());
        HttpResponse<String> registered = api.register(Api.uniqueEmail(), "container-Passw0rd");
        assertEquals(201, registered.statusCode(), registered.body());
        // server-header=false comes from the pre-boot command file the image passes
        assertTrue(registered.headers().firstValue("Server").isEmpty(), "" + registered.headers());
        assertEquals(
                405,
                api.send(api.request("/users/me").method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody()))
                        .statusCode());
    }

    @Test
    void healthcheckPassesWhileTheAppIsReady() throws Exception {
        assertEquals(0, healthcheck(port));
    }

    @Test
    void healthcheckFailsWhenNothingListens() throws Exception {
        assertNotEquals(0, healthcheck(PayaraProcess.freePort()));
    }

    @Test
    void healthcheckFailsWhenReadinessIsNot200() throws Exception {
        HttpServer notReady = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notReady.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        notReady.start();
        try {
            assertNotEquals(0, healthcheck(notReady.getAddress().getPort()));
        } finally {
            notReady.stop(0);
        }
    }

    /**
     * {@code docker stop}: SIGTERM while a request is in flight. Last, as it ends the process; on the
     * image's own command line, so that what the orchestrator sees is what the image does.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void dockerStopTurnsReadinessDownLetsTheRequestInFlightFinishAndExitsZero() throws Exception {
        Api api = new Api(payara.url());
        String token = api.registeredToken(Api.uniqueEmail(), "shutdown-Passw0rd");
        assertEquals(200, api.get("/health/ready").statusCode());

        CompletableFuture<HttpResponse<String>> inFlight;
        try (Connection lock = TestDatabase.connect();
                Statement statement = lock.createStatement()) {
            // holds GET /users/me/sessions in its SELECT until the lock is released: a request in flight
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE " + schema + ".sessions IN ACCESS EXCLUSIVE MODE");
            inFlight = CompletableFuture.supplyAsync(() -> api.get("/users/me/sessions", token));
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

    /** Runs the image's HEALTHCHECK command against a port of this machine; its exit code. */
    private static int healthcheck(int target) throws IOException, InterruptedException {
        String imagePort = image.only("EXPOSE").arguments();
        List<String> command = image.only("HEALTHCHECK").execForm().stream()
                .map(word -> word.replace("/dev/tcp/127.0.0.1/" + imagePort, "/dev/tcp/127.0.0.1/" + target))
                .toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the health check did not finish within 10 s");
        }
        return process.exitValue();
    }
}
