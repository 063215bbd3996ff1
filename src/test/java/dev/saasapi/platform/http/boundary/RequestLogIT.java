package dev.saasapi.platform.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.CustomSettingsServer;
import dev.saasapi.it.PayaraProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The log of a Payara process with {@code LOG_FORMAT=json} ({@link CustomSettingsServer}): one line per request, the
 * request id in every line written while it is served, and nothing secret.
 */
@ResourceLock(CustomSettingsServer.NAME)
class RequestLogIT {

    private static final String PASSWORD = "request-log-Passw0rd";
    private static PayaraProcess payara;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        payara = CustomSettingsServer.get();
        api = new Api(payara.url());
    }

    @Test
    void writesOneJsonLinePerRequestWithRouteStatusDurationUserAndRequestId() throws Exception {
        String email = Api.uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        String userId = Api.json(api.get("/users/me", token)).getString("id");
        String id = "log-" + UUID.randomUUID();

        assertEquals(
                200,
                api.send(api.request("/users/me")
                                .header("Authorization", "Bearer " + token)
                                .header("X-Request-Id", id))
                        .statusCode());

        JsonObject line = awaitLine(id, "dev.saasapi.platform.http.control.RequestLog");
        assertEquals("GET", line.getString("method"));
        assertEquals("/users/me", line.getString("route"));
        assertEquals("200", line.getString("status"));
        assertEquals(userId, line.getString("user_id"));
        assertTrue(Double.parseDouble(line.getString("duration_ms")) > 0, line.toString());
        assertEquals("INFO", line.getString("Level"));

        String log = payara.log();
        assertFalse(log.contains(PASSWORD), "a password reached the log");
        assertFalse(log.contains(token), "a token reached the log");
        assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "a token signature reached the log");
    }

    @Test
    void everyLineWrittenWhileServingARequestNamesIt() throws Exception {
        String id = "refused-" + UUID.randomUUID();
        assertEquals(
                401,
                api.send(api.request("/users/me")
                                .header("Authorization", "Bearer not-a-token")
                                .header("X-Request-Id", id))
                        .statusCode());

        JsonObject refusal = awaitLine(id, "dev.saasapi.identity.control.RejectedTokenLog");
        assertTrue(refusal.getString("LogMessage").contains("Refused access token"), refusal.toString());
        assertFalse(refusal.toString().contains("not-a-token"), "the token itself is never logged");
        JsonObject request = awaitLine(id, "dev.saasapi.platform.http.control.RequestLog");
        assertEquals("401", request.getString("status"));
        assertEquals("/users/me", request.getString("route"));
        assertFalse(request.containsKey("user_id"), "no user without a valid token");
    }

    @Test
    void fromTheApplicationsStartEveryLineIsOneJsonObject() throws Exception {
        assertEquals(404, api.get("/no/such/path").statusCode());
        awaitLine(
                api.get("/no/such/path").headers().firstValue("X-Request-Id").orElseThrow(),
                "dev.saasapi.platform.http.control.RequestLog");
        List<String> lines =
                payara.log().lines().filter(line -> !line.isBlank()).toList();
        // the format is switched when the application starts: Payara's boot lines before it are text
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("{\"Timestamp\"")) {
            first++;
        }
        assertTrue(lines.size() - first >= 3, "JSON lines were written: " + lines);
        for (String line : lines.subList(first, lines.size())) {
            assertEquals('{', line.charAt(0), line);
            assertTrue(parse(line).containsKey("LogMessage") || parse(line).containsKey("Throwable"), line);
        }
    }

    /** The line of {@code logger} for the request, once it is written (the log is written as the request ends). */
    private static JsonObject awaitLine(String requestId, String logger) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<JsonObject> matching = payara.log()
                    .lines()
                    .filter(line -> line.startsWith("{") && line.contains(requestId))
                    .map(RequestLogIT::parse)
                    .filter(json -> logger.equals(json.getString("LoggerName", ""))
                            && requestId.equals(json.getString("request_id", "")))
                    .toList();
            if (matching.size() == 1) {
                return matching.get(0);
            }
            assertTrue(matching.size() < 2, "more than one line: " + matching);
            Thread.sleep(100);
        }
        throw new AssertionError("no " + logger + " line for " + requestId + " in\n" + payara.log());
    }

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
