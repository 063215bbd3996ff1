package dev.saasapi.accounts.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static dev.saasapi.it.TestTokens.sessionOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Password change, email change and account deletion: each needs the password, over HTTP. */
class AccountLifecycleIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String NEW_PASSWORD = "an0ther-Passw0rd";

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String email = uniqueEmail();
        JsonObject phone = registeredLogin(email);

        HttpResponse<String> refused = api.postJson(
                "/users/me/password", phone.getString("access_token"), passwordChange("wrong-Passw0rd", NEW_PASSWORD));

        assertProblem(refused, 403, "/problems/wrong-password");
        assertEquals(200, api.get("/users/me", phone.getString("access_token")).statusCode());
        assertEquals(200, api.login(email, PASSWORD).statusCode());
        assertEquals(401, api.login(email, NEW_PASSWORD).statusCode());
    }

    @Test
    void theNewPasswordFollowsTheRegistrationRules() {
        JsonObject phone = registeredLogin(uniqueEmail());

        JsonObject problem = assertProblem(
                api.postJson("/users/me/password", phone.getString("access_token"), passwordChange(PASSWORD, "short")),
                422,
                "/problems/validation");

        assertEquals(
                "new_password", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(
                api.postJson(
                        "/users/me/password",
                        phone.getString("access_token"),
                        "{\"new_password\":\"" + NEW_PASSWORD + "\"}"),
                422,
                "/problems/validation");
        assertProblem(
                api.postJson("/users/me/password", phone.getString("access_token"), "{\"current_password\":1}"),
                400,
                "/problems/malformed-body");
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndRefusesEveryOlderAccessToken() throws Exception {
        String email = uniqueEmail();
        JsonObject phone = registeredLogin(email);
        JsonObject laptop = json(api.login(email, PASSWORD));

        HttpResponse<String> changed = api.postJson(
                "/users/me/password", phone.getString("access_token"), passwordChange(PASSWORD, NEW_PASSWORD));

        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("no-store", changed.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject fresh = json(changed);
        assertEquals(sessionOf(phone), sessionOf(fresh), "the calling session goes on");
        assertEquals(200, api.get("/users/me", fresh.getString("access_token")).statusCode());
        for (JsonObject old : List.of(phone, laptop)) {
            assertEquals(
                    401, api.get("/users/me", old.getString("access_token")).statusCode());
            assertEquals(401, api.refresh(old.getString("refresh_token")).statusCode());
        }
        // the calling session's old refresh token is gone, not replayed: the session survives it
        assertEquals(
                List.of(sessionOf(phone).toString()),
                Api.jsonArray(api.get("/users/me/sessions", fresh.getString("access_token"))).stream()
                        .map(session -> session.asJsonObject().getString("id"))
                        .toList());
        assertEquals(401, api.login(email, PASSWORD).statusCode());
        assertEquals(200, api.login(email, NEW_PASSWORD).statusCode());
        assertEquals(200, api.refresh(fresh.getString("refresh_token")).statusCode());
    }

    @Test
    void noLoginWithTheOldPasswordOutlivesAPasswordChange() throws Exception {
        String email = uniqueEmail();
        JsonObject phone = registeredLogin(email);
        // an attacker who knows the old password logs in without pause, so that some of those logins
        // read the account before the change and finish hashing after it
        AtomicBoolean changed = new AtomicBoolean();
        ExecutorService attackers = Executors.newFixedThreadPool(2);
        List<Future<List<HttpResponse<String>>>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(attackers.submit(() -> {
                List<HttpResponse<String>> logins = new ArrayList<>();
                for (int after = 0; after < 3; after += changed.get() ? 1 : 0) {
                    logins.add(api.login(email, PASSWORD));
                }
                return logins;
            }));
        }
        Thread.sleep(100);
        HttpResponse<String> change = api.postJson(
                "/users/me/password", phone.getString("access_token"), passwordChange(PASSWORD, NEW_PASSWORD));
        changed.set(true);
        List<HttpResponse<String>> logins = new ArrayList<>();
        for (Future<List<HttpResponse<String>>> attempt : attempts) {
            logins.addAll(attempt.get(60, TimeUnit.SECONDS));
        }
        attackers.shutdown();

        assertEquals(200, change.statusCode(), change.body());
        for (HttpResponse<String> login : logins) {
            if (login.statusCode() == 200) { // it finished before the change: the change must have ended it
                assertEquals(
                        401, api.refresh(json(login).getString("refresh_token")).statusCode(), "refresh");
                assertEquals(
                        401,
                        api.get("/users/me", json(login).getString("access_token"))
                                .statusCode());
            } else {
                assertProblem(login, 401, "/problems/invalid-credentials");
            }
        }
        assertProblem(logins.get(logins.size() - 1), 401, "/problems/invalid-credentials");
        assertEquals(200, api.refresh(json(change).getString("refresh_token")).statusCode());
    }

    @Test
    void logoutEverywhereRightAfterAPasswordChangeAlsoRefusesTheTokenThatChangeIssued() {
        for (int round = 0; round < 3; round++) {
            String email = uniqueEmail();
            JsonObject phone = registeredLogin(email);
            String fresh = json(api.postJson(
                            "/users/me/password",
                            phone.getString("access_token"),
                            passwordChange(PASSWORD, NEW_PASSWORD)))
                    .getString("access_token");

            // within the same second: the fresh token's iat was rounded up past this logout
            assertEquals(204, api.post("/auth/logout?scope=all", fresh).statusCode());

            assertEquals(401, api.get("/users/me", fresh).statusCode());
            JsonObject again = json(api.login(email, NEW_PASSWORD));
            assertEquals(
                    200, api.get("/users/me", again.getString("access_token")).statusCode());
        }
    }

    @Test
    void anEmailChangeRightAfterLoginNeedsNoPassword() {
        JsonObject tokens = registeredLogin(uniqueEmail());
        String newEmail = uniqueEmail();

        HttpResponse<String> patched = api.patchJson("/users/me", tokens.getString("access_token"), email(newEmail));

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(newEmail, json(patched).getString("email"));
    }

    @Test
    void anEmailChangeLongAfterLoginNeedsTheCurrentPassword() throws Exception {
        String email = uniqueEmail();
        String id = json(api.register(email, PASSWORD)).getString("id");
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        // a token refreshed a minute ago, from a login an hour ago: what a thief would hold
        String token = TestTokens.signedByServerKey(id, claims -> claims.claim("auth_time", anHourAgo));
        String newEmail = uniqueEmail();

        assertProblem(api.patchJson("/users/me", token, email(newEmail)), 403, "/problems/password-required");
        assertProblem(
                api.patchJson("/users/me", token, email(newEmail, "wrong-Passw0rd")), 403, "/problems/wrong-password");
        assertEquals(email, json(api.get("/users/me", token)).getString("email"));
        assertEquals(200, api.patchJson("/users/me", token, email(email)).statusCode(), "no change needs no password");

        HttpResponse<String> patched = api.patchJson("/users/me", token, email(newEmail, PASSWORD));

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(newEmail, json(api.get("/users/me", token)).getString("email"));
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndTakesEverythingWithIt() throws Exception {
        String email = uniqueEmail();
        JsonObject phone = registeredLogin(email);
        JsonObject laptop = json(api.login(email, PASSWORD));
        String access = phone.getString("access_token");
        String id = json(api.get("/users/me", access)).getString("id");

        assertProblem(
                api.deleteJson("/users/me", access, currentPassword("wrong-Passw0rd")),
                403,
                "/problems/wrong-password");
        assertProblem(api.deleteJson("/users/me", access, "{}"), 422, "/problems/validation");
        HttpResponse<String> noBody = api.send(api.request("/users/me")
                .header("Authorization", "Bearer " + access)
                .DELETE());
        assertProblem(noBody, 400, "/problems/malformed-body");
        assertProblem(
                api.deleteJson("/users/me", access, currentPassword("x".repeat(129))), 403, "/problems/wrong-password");
        assertEquals(200, api.get("/users/me", access).statusCode());

        assertEquals(
                204,
                api.http11()
                        .deleteJson("/users/me", access, currentPassword(PASSWORD))
                        .statusCode()); // as curl sends it

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE id = ?", UUID.fromString(id)));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE user_id = ?", UUID.fromString(id)));
        assertEquals(
                0,
                TestDatabase.count(
                        "SELECT count(*) FROM refresh_tokens WHERE session_id IN (?, ?)",
                        sessionOf(phone),
                        sessionOf(laptop)));
        assertEquals(401, api.get("/users/me", laptop.getString("access_token")).statusCode());
        assertEquals(401, api.refresh(laptop.getString("refresh_token")).statusCode());
        assertEquals(401, api.login(email, PASSWORD).statusCode());
        assertEquals(201, api.register(email, PASSWORD).statusCode(), "the email is free again");
    }

    private JsonObject registeredLogin(String email) {
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        HttpResponse<String> login = api.login(email, PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return json(login);
    }

    private static String passwordChange(String current, String replacement) {
        return Json.createObjectBuilder()
                .add("current_password", current)
                .add("new_password", replacement)
                .build()
                .toString();
    }

    private static String currentPassword(String password) {
        return Json.createObjectBuilder()
                .add("current_password", password)
                .build()
                .toString();
    }

    private static String email(String email) {
        return Json.createObjectBuilder().add("email", email).build().toString();
    }

    private static String email(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("current_password", password)
                .build()
                .toString();
    }
}
