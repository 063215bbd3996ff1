package dev.saasapi.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole log of the suite's server (the file {@link TestEnvironment} adds to the logging settings, every line whoever wrote
 * it: our code, Jersey, Payara), for tests that send known secrets and then look for them.
 */
public final class ServerLog {

    private ServerLog() {}

    /** Fails naming each secret that appears in the log, with the start of the line it is on. */
    public static void assertContainsNone(List<String> secrets) {
        List<String> found = new ArrayList<>();
        List<String> lines = lines();
        assertTrue(lines.size() > 10, "the server log is empty: is -Dit.server.log set?");
        for (String secret : secrets) {
            lines.stream()
                    .filter(line -> line.contains(secret))
                    .findFirst()
                    .ifPresent(line -> found.add("a secret of " + secret.length() + " characters is logged in: "
                            + line.replace(secret, "<SECRET>").substring(0, Math.min(400, line.length()))));
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** Every file of the log (the handler numbers them: it-server.log.0, …), as lines. */
    public static List<String> lines() {
        Path log = Path.of(System.getProperty("it.server.log"));
        try (Stream<Path> files = Files.list(log.getParent())) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName()
                            .toString()
                            .startsWith(log.getFileName().toString()))
                    .filter(f -> !f.toString().endsWith(".lck"))
                    .sorted()
                    .toList()) {
                lines.addAll(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                        .lines()
                        .toList());
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
