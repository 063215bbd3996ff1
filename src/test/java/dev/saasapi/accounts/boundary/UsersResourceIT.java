package dev.saasapi.accounts.boundary;

import static dev.saasapi.it.Api.contentType;
import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.it.TestTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class UsersResourceIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";

    @Test
    void returnsCurrentUserForValidToken() {
        String email = uniqueEmail();
        JsonObject registered = json(api.register(email, PASSWORD));
        String token = json(api.login(email, PASSWORD)).getString("access_token");

        HttpResponse<String> me = api.get("/users/me", token);

        assertEquals(200, me.statusCode(), me.body());
        assertTrue(contentType(me).startsWith(Api.JSON));
        assertEquals(registered, json(me));
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        String token = api.registeredToken(uniqueEmail(), PASSWORD);

        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            HttpResponse<String> me = api.send(api.request("/users/me")
                    .header("Authorization", scheme + " " + token)
                    .GET());
            assertEquals(200, me.statusCode(), scheme);
        }
    }

    @Test
    void rejectsRequestWithoutTokenWithBearerChallenge() {
        HttpResponse<String> response = api.get("/users/me");

        assertUnauthorized(response);
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void rejectsMalformedTokens() {
        for (String token : List.of("garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "")) {
            assertUnauthorized(api.get("/users/me", token));
        }
        assertUnauthorized(api.send(api.request("/users/me")
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET()));
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        String id = json(api.register(uniqueEmail(), PASSWORD)).getString("id");

        assertInvalidToken(api.get("/users/me", TestTokens.signedByForeignKey(id)));
    }

    @Test
    void rejectsHs256TokensAsTheFastApiTemplateIssuedThem() {
        String id = json(api.register(uniqueEmail(), PASSWORD)).getString("id");

        assertInvalidToken(api.get(
                "/users/me",
                TestTokens.hs256(id, "a-shared-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void rejectsExpiredToken() {
        String id = json(api.register(uniqueEmail(), PASSWORD)).getString("id");
        Instant past = Instant.now().minusSeconds(3600);
        String valid = TestTokens.signedByServerKey(id, claims -> claims);
        String expired = TestTokens.signedByServerKey(
                id,
                claims -> claims.issueTime(Date.from(past.minusSeconds(3600))).expirationTime(Date.from(past)));

        assertEquals(200, api.get("/users/me", valid).statusCode(), "the same key and claims, unexpired, pass");
        assertInvalidToken(api.get("/users/me", expired));
    }

    @Test
    void rejectsWrongIssuerOrAudience() {
        String id = json(api.register(uniqueEmail(), PASSWORD)).getString("id");

        assertInvalidToken(api.get("/users/me", TestTokens.signedByServerKey(id, c -> c.issuer("someone-else"))));
        assertInvalidToken(api.get("/users/me", TestTokens.signedByServerKey(id, c -> c.audience("other-api"))));
    }

    @Test
    void rejectsValidTokenOfAnAccountThatNoLongerExists() throws Exception {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        assertEquals(1, TestDatabase.update("DELETE FROM users WHERE email = ?", email));
        TestEnvironment.awaitCacheExpiry(); // deleted beside the application

        HttpResponse<String> response = api.get("/users/me", token);

        assertInvalidToken(response);
        assertEquals("/problems/invalid-token", json(response).getString("type"));
    }

    @Test
    void rejectsValidTokenOfADisabledAccount() throws Exception {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        assertEquals(1, TestDatabase.update("UPDATE users SET is_active = false WHERE email = ?", email));
        TestEnvironment.awaitCacheExpiry(); // disabled beside the application

        HttpResponse<String> me = api.get("/users/me", token);
        HttpResponse<String> patch = api.patchJson("/users/me", token, "{\"email\": \"" + uniqueEmail() + "\"}");

        assertInvalidToken(me);
        assertInvalidToken(patch);
        assertEquals(
                email,
                TestDatabase.queryString("SELECT email FROM users WHERE email = ?", email)
                        .orElseThrow());
    }

    @Test
    void concurrentChangesOfOneAccountNeverFail() throws Exception {
        String token = api.registeredToken(uniqueEmail(), PASSWORD);
        String id = json(api.get("/users/me", token)).getString("id");
        List<String> emails = new ArrayList<>();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = uniqueEmail();
            emails.add(email);
            calls.add(() -> api.patchJson("/users/me", token, "{\"email\": \"" + email + "\"}"));
        }

        List<HttpResponse<String>> responses = Concurrently.run(calls);

        assertTrue(responses.stream().anyMatch(r -> r.statusCode() == 200), "at least one change wins");
        responses.stream()
                .filter(r -> r.statusCode() != 200)
                .forEach(r -> assertProblem(r, 409, "/problems/concurrent-update"));
        String stored = TestDatabase.queryString("SELECT email FROM users WHERE id = ?", UUID.fromString(id))
                .orElseThrow();
        assertTrue(emails.contains(stored), stored);
        assertEquals(stored, json(api.get("/users/me", token)).getString("email"));
    }

    @Test
    void parallelChangesOfSeveralAccountsToOneEmailLetExactlyOneWin() throws Exception {
        String target = uniqueEmail();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = api.registeredToken(uniqueEmail(), PASSWORD);
            // half of them vary the case: the unique index must see one email
            String email = i % 2 == 0 ? target : target.toUpperCase(Locale.ROOT);
            calls.add(() -> api.patchJson("/users/me", token, "{\"email\": \"" + email + "\"}"));
        }

        List<HttpResponse<String>> responses = Concurrently.run(calls);

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
        responses.stream()
                .filter(r -> r.statusCode() != 200)
                .forEach(r -> assertProblem(r, 409, "/problems/email-taken"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", target));
    }

    @Test
    void rejectsTokenWhoseSubjectIsNotAnAccountId() {
        assertUnauthorized(api.get("/users/me", TestTokens.signedByServerKey("ann@example.com", c -> c)));
    }

    @Test
    void changesEmailAndKeepsTheTokenValid() throws Exception {
        String oldEmail = uniqueEmail();
        String newEmail = uniqueEmail();
        String token = api.registeredToken(oldEmail, PASSWORD);

        HttpResponse<String> patched = api.patchJson("/users/me", token, "{\"email\": \" " + newEmail + " \"}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(newEmail, json(patched).getString("email"));
        String id = json(patched).getString("id");
        assertEquals(
                newEmail,
                TestDatabase.queryString("SELECT email FROM users WHERE id = ?", UUID.fromString(id))
                        .orElseThrow());
        HttpResponse<String> me = api.get("/users/me", token);
        assertEquals(200, me.statusCode());
        assertEquals(newEmail, json(me).getString("email"));
        assertEquals(401, api.login(oldEmail, PASSWORD).statusCode());
        assertEquals(200, api.login(newEmail, PASSWORD).statusCode());
    }

    @Test
    void oldEmailCanBeTakenWithoutInheritingTheAccount() {
        String oldEmail = uniqueEmail();
        String firstToken = api.registeredToken(oldEmail, PASSWORD);
        String firstId = json(api.get("/users/me", firstToken)).getString("id");
        api.patchJson("/users/me", firstToken, "{\"email\": \"" + uniqueEmail() + "\"}");

        String secondToken = api.registeredToken(oldEmail, PASSWORD);

        assertEquals(firstId, json(api.get("/users/me", firstToken)).getString("id"));
        String secondId = json(api.get("/users/me", secondToken)).getString("id");
        assertFalse(firstId.equals(secondId));
    }

    @Test
    void acceptsAMergePatchBody() {
        String token = api.registeredToken(uniqueEmail(), PASSWORD);
        String newEmail = uniqueEmail();

        HttpResponse<String> patched = api.send(api.request("/users/me")
                .header("Content-Type", "application/merge-patch+json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"email\": \"" + newEmail + "\"}")));

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(newEmail, json(patched).getString("email"));
    }

    @Test
    void changesOnlyTheCaseOfItsOwnEmail() {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        String upper = email.toUpperCase(Locale.ROOT);

        HttpResponse<String> patched = api.patchJson("/users/me", token, "{\"email\": \"" + upper + "\"}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(upper, json(patched).getString("email"));
    }

    @Test
    void rejectsEmailOfAnotherAccount() throws Exception {
        String taken = uniqueEmail();
        api.register(taken, PASSWORD);
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);

        HttpResponse<String> response =
                api.patchJson("/users/me", token, "{\"email\": \"" + taken.toUpperCase(Locale.ROOT) + "\"}");

        assertProblem(response, 409, "/problems/email-taken");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void rejectsInvalidEmail() throws Exception {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);

        JsonObject problem =
                assertProblem(api.patchJson("/users/me", token, "{\"email\": \"nope\"}"), 422, "/problems/validation");

        assertEquals("email", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void leavesEverythingAsItIsForAnEmptyPatch() {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);

        HttpResponse<String> patched = api.patchJson("/users/me", token, "{}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(email, json(patched).getString("email"));
    }

    @Test
    void rejectsPatchWithoutValidToken() throws Exception {
        String email = uniqueEmail();
        String id = json(api.register(email, PASSWORD)).getString("id");
        String forged = TestTokens.signedByForeignKey(id);

        assertUnauthorized(api.patchJson("/users/me", forged, "{\"email\": \"" + uniqueEmail() + "\"}"));
        assertUnauthorized(api.send(api.request("/users/me")
                .header("Content-Type", Api.JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"email\":\"x@y.z\"}"))));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertUnauthorized(response);
        assertEquals(
                "Bearer error=\"invalid_token\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertProblem(response, 401, null);
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                response.headers().toString());
    }
}
