package dev.saasapi.platform.lifecycle.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.HttpIT;
import dev.saasapi.it.ServerLog;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A normal start logs what an operator needs and little else: no certificate dumps, no stack traces,
 * and only the warnings the README's Troubleshooting section explains. The suite's server is started
 * the way production starts it, with {@code payara/logging.properties}.
 */
class StartLogIT extends HttpIT {

    private static final Pattern WARNING_OR_SEVERE = Pattern.compile("^\\[[^]]*] \\[[^]]*] \\[[^]]*(WARNING|SEVERE)");
    /** Harmless, and explained in the README (Troubleshooting). */
    private static final List<String> EXPLAINED =
            List.of("Runtime directory is located in a temporary file location", "MicroProfile Config: property 'db.");

    @Test
    void aNormalStartLogsNoCertificatesNoStackTracesAndOnlyExplainedWarnings() {
        List<String> start = startLines();
        List<String> unexplained = start.stream()
                .filter(line -> WARNING_OR_SEVERE.matcher(line).find())
                .filter(line -> EXPLAINED.stream().noneMatch(line::contains))
                .map(line -> line.substring(0, Math.min(300, line.length())))
                .toList();
        assertEquals(List.of(), unexplained);
        assertEquals(
                List.of(),
                start.stream().filter(line -> line.startsWith("\tat ")).limit(3).toList(),
                "no stack trace");
        assertTrue(start.size() < 200, "a start logs " + start.size() + " lines");
    }

    /** The log up to Payara's "ready in" line. */
    private static List<String> startLines() {
        List<String> lines = ServerLog.lines();
        int ready = 0;
        while (ready < lines.size() && !lines.get(ready).contains("ready in")) {
            ready++;
        }
        assertTrue(ready < lines.size(), "Payara's 'ready in' line is in the log");
        return lines.subList(0, ready + 1);
    }
}
