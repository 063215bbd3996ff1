package dev.saasapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Set;

/** What every error response of the API must look like: RFC 9457 problem+json, no internals. */
public final class ProblemAssertions {

    private static final Set<String> MEMBERS = Set.of(
            "type", "title", "status", "detail", "instance", "errors", "error", "error_description", "request_id");

    private ProblemAssertions() {}

    /** @param type the expected {@code type}, or null to accept any */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(Api.contentType(response).startsWith(Api.PROBLEM), Api.contentType(response));
        JsonObject problem = Api.json(response);
        assertTrue(MEMBERS.containsAll(problem.keySet()), problem.keySet().toString());
        assertEquals(status, problem.getInt("status"));
        assertEquals(response.headers().firstValue("X-Request-Id").orElse(null), problem.getString("request_id"));
        if (type != null) {
            assertEquals(type, problem.getString("type"));
        }
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().matches("(?s).*(Exception|\\bat [a-z]+\\.[a-z]+\\.|\\.java:).*"), response.body());
        return problem;
    }
}
