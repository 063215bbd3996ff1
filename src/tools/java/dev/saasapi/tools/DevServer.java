package dev.saasapi.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The development run ({@code ./mvnw -Prun}): the packaged WAR on Payara Micro, started the way
 * production starts it ({@code java -jar payara-micro.jar --deploy ROOT.war}), on {@code PORT}
 * (8000). Settings come from the environment and, below it, from {@code .env}. Without {@code DATABASE_URL} it first starts an embedded PostgreSQL whose data lives in
 * {@code .data/postgres} and survives restarts; without {@code SMTP_HOST}, an SMTP server that prints
 * every mail on the console ({@link DevMailbox}). It runs in Maven's JVM ({@code exec:java}): Ctrl-C or
 * SIGTERM stops Payara, then PostgreSQL.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> environment = new HashMap<>(dotEnv(Path.of(".env")));
        environment.putAll(System.getenv()); // the real environment wins over .env
        int port = Integer.parseInt(environment.getOrDefault("PORT", "8000").strip());
        String databaseUrl = environment.get("DATABASE_URL");
        EmbeddedPostgres embedded = null;
        if (databaseUrl == null || databaseUrl.isBlank()) {
            Path dataDir = Path.of(System.getProperty("dev.data.dir", ".data/postgres"))
                    .toAbsolutePath();
            Files.createDirectories(dataDir);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(databasePort(dataDir))
                    .setServerConfig("fsync", "on")
                    .start();
            // the embedded server trusts local connections: the password is ignored, and with one the pool
            // looks up no missing db.password (Payara warns "no value found" each time it does)
            databaseUrl = "postgresql://postgres:postgres@localhost:" + embedded.getPort() + "/postgres";
            System.out.println("[dev] embedded PostgreSQL on port " + embedded.getPort() + ", data in " + dataDir);
        } else {
            System.out.println("[dev] using DATABASE_URL");
        }

        DevMailbox mailbox = null;
        if (environment.getOrDefault("SMTP_HOST", "").isBlank()) {
            mailbox = DevMailbox.start(System.out);
            for (Map.Entry<String, String> setting : mailbox.settings(port).entrySet()) {
                if (environment.getOrDefault(setting.getKey(), "").isBlank()
                        || setting.getKey().startsWith("SMTP_")) {
                    environment.put(setting.getKey(), setting.getValue());
                }
            }
            System.out.println("[dev] SMTP server on port " + mailbox.port() + ": every mail is printed here");
        } else {
            System.out.println("[dev] sending mail through SMTP_HOST");
        }

        List<String> command = PayaraMicroCommand.of(
                environment.get("JAVA_OPTS"),
                Path.of(required("payara.micro.jar")),
                Path.of(required("payara.preboot")),
                Path.of(required("app.war")),
                port);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        builder.environment().put("DATABASE_URL", databaseUrl);
        Process payara = builder.start();

        EmbeddedPostgres database = embedded;
        DevMailbox devMailbox = mailbox;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, database, devMailbox), "dev-server-stop"));
        announceWhenReady(payara, port, started);
        // Payara's exit status is the run's: 78 after a start-up failure, whose reason is its last line
        System.exit(payara.waitFor());
    }

    private static void announceWhenReady(Process payara, int port, long started) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/openapi.json"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (payara.isAlive()) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf(
                            "%n[dev] saas-api is up after %.1f s: http://localhost:%d/docs%n%n",
                            (System.nanoTime() - started) / 1e9, port);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    private static void stop(Process payara, EmbeddedPostgres database, DevMailbox mailbox) {
        if (payara.isAlive()) {
            payara.destroy();
            try {
                if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mailbox != null) {
            mailbox.close();
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("[dev] could not stop PostgreSQL: " + e.getMessage());
            }
        }
    }

    /**
     * The same port on every run: if a killed run left PostgreSQL behind, the next one finds it on that
     * port and takes it over instead of failing on the data directory's lock.
     */
    private static int databasePort(Path dataDir) throws IOException {
        Path file = dataDir.resolveSibling("postgres.port");
        if (Files.isRegularFile(file)) {
            return Integer.parseInt(Files.readString(file).strip());
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(file, port + "\n");
        return port;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isFile()) {
            throw new IllegalStateException("-D" + property + " must name an existing file, got " + value);
        }
        return value;
    }

    /** KEY=VALUE lines of a .env file, as docker compose reads them; # starts a comment line. */
    static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                continue;
            }
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty()) {
                values.put(trimmed.substring(0, equals).strip(), value);
            }
        }
        System.out.println("[dev] read " + values.size() + " settings from " + file.toAbsolutePath());
        return values;
    }
}
