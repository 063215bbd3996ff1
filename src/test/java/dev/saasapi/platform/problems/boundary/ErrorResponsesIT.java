package dev.saasapi.platform.problems.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Errors that no resource method produces still answer in the API's one error format. */
class ErrorResponsesIT extends HttpIT {

    @Test
    void theServerRegisteredEveryErrorPageWithoutComplaint() {
        // Payara fails on a typed error page listed after the default one, with a stack trace per page
        assertTrue(
                dev.saasapi.it.ServerLog.lines().stream()
                        .noneMatch(line -> line.contains("getErrorPageDescriptorBySignifier")),
                "web.xml's error pages made the deployment fail (see target/it-server.log.*)");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        assertProblem(api.get("/no/such/path"), 404, "about:blank");
        assertProblem(api.get("/docs/no-such-file.js"), 404, "about:blank");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblemWithAllow() {
        HttpResponse<String> response = api.send(api.request("/auth/register").DELETE());

        assertProblem(response, 405, "about:blank");
        Set<String> allowed = Stream.of(
                        response.headers().firstValue("Allow").orElseThrow().split(","))
                .map(String::strip)
                .collect(Collectors.toSet());
        assertTrue(allowed.contains("POST"), allowed.toString());
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        HttpResponse<String> response = api.send(api.request("/auth/register")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=a@b.c")));

        assertProblem(response, 415, "about:blank");
    }

    @Test
    void formSentToRegisterIsRejected() {
        HttpResponse<String> response = api.postForm(
                "/auth/register", java.util.Map.of("email", Api.uniqueEmail(), "password", "s3cret-Passw0rd"));

        assertProblem(response, 415, "about:blank");
    }

    @Test
    void optionsDoesNotExposeAWadlDocument() {
        HttpResponse<String> response =
                api.send(api.request("/users/me").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, response.statusCode());
        assertTrue(!response.body().contains("wadl") && !response.body().contains("<application"), response.body());
    }
}
