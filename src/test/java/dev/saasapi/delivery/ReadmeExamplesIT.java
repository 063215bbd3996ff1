package dev.saasapi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's curl examples, run in order exactly as printed against the suite's server (only
 * {@code localhost:8000} becomes its address): every command must succeed, and curl fails on any
 * HTTP error, so an example that drifts from the API fails the build.
 */
class ReadmeExamplesIT extends HttpIT {

    private static final List<String> SECTIONS =
            List.of("Call it with curl", "Organizations", "API keys", "Audit log", "Sessions and account lifecycle");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String EMAILS = "('ann@example.com', 'ann.new@example.com', 'ann@example.org')";

    @Test
    void theCurlExamplesRunAsWritten() throws Exception {
        // a database kept from an earlier run may still hold the examples' account
        TestDatabase.update("DELETE FROM users WHERE email IN " + EMAILS);
        StringBuilder script = new StringBuilder("set -euo pipefail\n")
                .append("curl() { command curl --fail-with-body --show-error --max-time 30 \"$@\"; }\n");
        for (String section : SECTIONS) {
            Matcher blocks = BASH_BLOCK.matcher(DeliveryFiles.readmeSection(section));
            while (blocks.find()) {
                script.append(blocks.group(1));
            }
        }
        String address = api.uri("/").getHost() + ":" + api.uri("/").getPort();

        Path log = Files.createTempFile("readme-examples", ".log");
        Process bash = new ProcessBuilder("bash", "-c", script.toString().replace("localhost:8000", address))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = bash.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            // an example that starts a server, or waits for input, must not hold the build
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(finished, "the examples did not finish within 120 s; their output:\n" + output);

        assertEquals(0, bash.exitValue(), "an example failed; its output:\n" + output);
        assertTrue(output.contains("\"current\":true"), "the sessions were listed:\n" + output);
        assertEquals(
                0, TestDatabase.count("SELECT count(*) FROM users WHERE email IN " + EMAILS), "deleted at the end");
    }
}
