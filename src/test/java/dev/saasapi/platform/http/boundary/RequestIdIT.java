package dev.saasapi.platform.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** X-Request-Id: taken from the client when plausible, made up otherwise, in every answer and problem. */
class RequestIdIT extends HttpIT {

    @Test
    void theClientsIdComesBackInTheHeaderAndInEveryProblem() {
        List<HttpRequest.Builder> requests = List.of(
                api.request("/users/me").GET(), // 401 from the JAX-RS resource
                api.request("/users/me")
                        .header("Authorization", "Bearer not-a-token")
                        .GET(), // the auth layer
                api.request("/no/such/path").GET(), // the container's 404
                api.request("/auth/register")
                        .header("Content-Type", Api.JSON)
                        .POST(HttpRequest.BodyPublishers.ofString("{")), // a mapper's 400
                api.request("/users/me").method("TRACE", HttpRequest.BodyPublishers.noBody())); // a filter's 405
        for (HttpRequest.Builder request : requests) {
            String id = "client-" + UUID.randomUUID();
            HttpResponse<String> response = api.send(request.header("X-Request-Id", id));
            String where =
                    response.request().method() + " " + response.uri().getPath() + " -> " + response.statusCode();
            assertEquals(id, response.headers().firstValue("X-Request-Id").orElse(null), where);
            assertEquals(id, Api.json(response).getString("request_id"), where);
        }
    }

    @Test
    void successfulAnswersCarryTheIdToo() {
        HttpResponse<String> docs = api.send(api.request("/openapi.json").header("X-Request-Id", "abc.123"));
        assertEquals(200, docs.statusCode());
        assertEquals("abc.123", docs.headers().firstValue("X-Request-Id").orElse(null));
    }

    @Test
    void aMissingOrImplausibleIdIsReplacedByANewOne() {
        HttpResponse<String> without = api.get("/no/such/path");
        HttpResponse<String> other = api.get("/no/such/path");
        String generated = without.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(generated, Api.json(without).getString("request_id"));
        assertNotEquals(generated, other.headers().firstValue("X-Request-Id").orElseThrow(), "ids are unique");

        for (String implausible : List.of("x".repeat(129), "a b", "a\"b", "<script>", "")) {
            HttpResponse<String> response =
                    api.send(api.request("/no/such/path").header("X-Request-Id", implausible));
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertNotEquals(implausible, id);
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
        }
    }
}
