package dev.saasapi.it;

import dev.saasapi.tools.PayaraMicroCommand;
import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR in a Payara Micro process of its own, with exactly the given settings: for the
 * few tests that need a configuration other than the suite's (another algorithm, a broken value).
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Payara and waits until it reports ready, whether or not the application deployed. */
    public static PayaraProcess start(Map<String, String> environment) throws IOException, InterruptedException {
        return start(environment, "", List.of("--nohazelcast"));
    }

    /** The same with more JVM options and the given data-grid options instead of {@code --nohazelcast}. */
    public static PayaraProcess start(Map<String, String> environment, String jvmOptions, List<String> grid)
            throws IOException, InterruptedException {
        int port = freePort();
        return start(
                PayaraMicroCommand.of(
                        // C1 only: these servers mostly boot (a quarter faster) and serve a few requests
                        "-Xmx384m -XX:TieredStopAtLevel=1 " + jvmOptions,
                        payaraMicroJar(),
                        Path.of(System.getProperty("it.preboot")),
                        Path.of(System.getProperty("it.war")),
                        port,
                        grid),
                port,
                environment);
    }

    /** Runs the given Payara Micro command line, which must listen on {@code port}. */
    public static PayaraProcess start(List<String> command, int port, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("payara-", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(applicationVariables());
        // rate limits and login throttling off unless the test sets them: process tests log in and register in bursts
        applicationVariables().stream()
                .filter(variable -> variable.startsWith("RATE_LIMIT_") || variable.startsWith("LOGIN_THROTTLE_"))
                .forEach(variable -> builder.environment().put(variable, "0"));
        builder.environment().putAll(environment);
        PayaraProcess payara = new PayaraProcess(builder.start(), log, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!payara.log().contains("ready in") && payara.process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                String output = payara.log();
                payara.close();
                throw new IllegalStateException("Payara did not start:\n" + output);
            }
            Thread.sleep(200);
        }
        return payara;
    }

    /**
     * The variables the application reads (pom.xml's {@code app.environment.variables}): a server
     * started by a test gets only those the test gives it, never the developer's own.
     */
    static Set<String> applicationVariables() {
        String list = System.getProperty("it.app.variables");
        if (list == null || list.isBlank()) {
            throw new IllegalStateException("it.app.variables is not set: run the integration tests with Maven");
        }
        return Set.of(list.strip().split("\\s*,\\s*"));
    }

    /** The payara-micro jar the tests run, the one of pom.xml. */
    public static Path payaraMicroJar() {
        try {
            return Path.of(PayaraMicro.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGKILL: the process ends at once, as in a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Sends SIGTERM, as docker stop and Kubernetes do, without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** The exit status once the process has ended, or empty if it still runs after {@code within}. */
    public java.util.OptionalInt exitStatus(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    public URL url() {
        try {
            return URI.create("http://localhost:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** How many lines of the log contain the text. */
    public long logLines(String text) throws IOException {
        return log().lines().filter(line -> line.contains(text)).count();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
