package dev.saasapi.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.TestEnvironment;
import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bad configuration stops the application at start-up with one line naming the variable, and never
 * its secret. Each case boots the packaged WAR in a Payara Micro process of its own.
 */
class StartupConfigurationIT {

    private static final String SECRET = "hunter2secret";

    @Test
    void refusesHs256WithAnExplanation() throws Exception {
        Boot boot = boot(Map.of(
                "DATABASE_URL", System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY), "JWT_ALGORITHM", "HS256"));

        assertEquals(1, boot.count("Cannot start saas-api: JWT_ALGORITHM=HS256 is not supported"), boot.log);
        assertTrue(boot.log.contains("RS256") && boot.log.contains("JWT_PRIVATE_KEY"));
        assertNotEquals(201, boot.registerStatus(), "the application must not serve requests");
    }

    @Test
    void refusesAMalformedDatabaseUrlWithoutPrintingThePassword() throws Exception {
        Boot boot = boot(Map.of("DATABASE_URL", "mysql://app:" + SECRET + "@localhost:3306/saas"));

        assertTrue(boot.count("Cannot start saas-api: DATABASE_URL has an unsupported scheme") >= 1, boot.log);
        assertFalse(boot.log.contains(SECRET), "the password must never be logged");
        assertNotEquals(201, boot.registerStatus());
    }

    @Test
    void refusesAnUnusableSigningKeyWithoutPrintingIt() throws Exception {
        Boot boot = boot(Map.of(
                "DATABASE_URL",
                System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                "JWT_PRIVATE_KEY",
                "-----BEGIN PRIVATE KEY-----\n" + SECRET + "\n-----END PRIVATE KEY-----"));

        assertTrue(boot.count("Cannot start saas-api: JWT_PRIVATE_KEY") >= 1, boot.log);
        assertFalse(boot.log.contains(SECRET), "the key must never be logged");
        assertNotEquals(201, boot.registerStatus());
    }

    /** A Payara Micro process with the WAR and exactly these settings, run until it reports ready. */
    private static Boot boot(Map<String, String> environment) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("startup-", ".log");
        String payaraJar = Path.of(PayaraMicro.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-jar",
                        payaraJar,
                        "--deploy",
                        System.getProperty("it.war"),
                        "--port",
                        String.valueOf(port),
                        "--nocluster"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JWT_") || name.equals("DATABASE_URL"));
        builder.environment().putAll(environment);
        Process payara = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!Files.readString(log).contains("ready in") && payara.isAlive()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Payara did not start:\n" + Files.readString(log));
                }
                Thread.sleep(200);
            }
            return new Boot(Files.readString(log), register(port));
        } finally {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static int register(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/register"))
                .header("Content-Type", Api.JSON)
                .POST(HttpRequest.BodyPublishers.ofString(Api.registration(Api.uniqueEmail(), "s3cret-Passw0rd")))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Boot(String log, int registerStatus) {
        long count(String text) {
            return log.lines().filter(line -> line.contains(text)).count();
        }
    }
}
