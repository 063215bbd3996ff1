package dev.saasapi.sessions.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static dev.saasapi.it.TestTokens.sessionOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.PrometheusText;
import dev.saasapi.it.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Refresh tokens, their rotation and replay detection, logout, and the list of sessions, over HTTP. */
class SessionsIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String INVALID_REFRESH_TOKEN = "/problems/invalid-refresh-token";

    @Test
    void loginReturnsAnOpaqueRefreshTokenStoredOnlyAsItsHash() throws Exception {
        JsonObject tokens = registeredLogin(uniqueEmail());

        String refreshToken = tokens.getString("refresh_token");
        assertTrue(refreshToken.matches("[A-Za-z0-9_-]{43}"), refreshToken); // 256 bits, base64url
        assertEquals("bearer", tokens.getString("token_type"));
        assertTrue(tokens.getJsonNumber("expires_in").longValue() > 0);
        assertEquals(
                1,
                TestDatabase.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?", sha256(refreshToken)));
        assertEquals(
                0,
                TestDatabase.count(
                        "SELECT count(*) FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id"
                                + " WHERE t.token_hash = ? OR s.user_agent = ? OR s.ip_address = ?",
                        refreshToken,
                        refreshToken,
                        refreshToken));
        UUID session = sessionOf(tokens);
        assertEquals(
                1,
                TestDatabase.count(
                        "SELECT count(*) FROM sessions WHERE id = ? AND expires_at > now() + interval '29 days'",
                        session));
    }

    @Test
    void refreshGivesANewPairAndTheOldRefreshTokenStopsWorking() throws Exception {
        JsonObject first = registeredLogin(uniqueEmail());

        HttpResponse<String> refreshed = api.refresh(first.getString("refresh_token"));

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject second = json(refreshed);
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertEquals(sessionOf(first), sessionOf(second));
        assertEquals(authTime(first), authTime(second), "refreshing proves no password: auth_time stays");
        assertEquals(200, api.get("/users/me", second.getString("access_token")).statusCode());
        JsonObject problem = assertProblem(api.refresh(first.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
        assertEquals("invalid_grant", problem.getString("error"));
    }

    @Test
    void aReplayedRefreshTokenEndsTheWholeSession() throws Exception {
        JsonObject first = registeredLogin(uniqueEmail());
        JsonObject second = json(api.refresh(first.getString("refresh_token")));
        PrometheusText before = metrics();

        assertProblem(api.refresh(first.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);

        // the thief's replay also ends the session of the client that refreshed legitimately
        assertProblem(api.refresh(second.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE id = ?", sessionOf(first)));
        assertEquals(
                0, TestDatabase.count("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", sessionOf(first)));
        PrometheusText after = metrics();
        assertEquals(
                1,
                after.value("auth_refresh_token_replays_total", Map.of())
                        - before.value("auth_refresh_token_replays_total", Map.of()),
                "one replay, one session ended");
        Map<String, String> failure = Map.of("outcome", "failure");
        assertEquals(2, after.value("auth_refreshes_total", failure) - before.value("auth_refreshes_total", failure));
    }

    private PrometheusText metrics() {
        return new PrometheusText(api.get("/metrics?scope=application").body());
    }

    @Test
    void theSameRefreshTokenPresentedTwiceAtOnceSucceedsOnceAndEndsTheSession() throws Exception {
        for (int round = 0; round < 5; round++) {
            String refreshToken = registeredLogin(uniqueEmail()).getString("refresh_token");
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(() -> api.refresh(refreshToken));
            }

            List<HttpResponse<String>> responses = Concurrently.run(calls);

            List<Integer> statuses =
                    responses.stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(200, 401), statuses);
            // the loser presented a used token: a replay, so the winner's new refresh token is dead too
            HttpResponse<String> winner = responses.stream()
                    .filter(response -> response.statusCode() == 200)
                    .findFirst()
                    .orElseThrow();
            assertProblem(api.refresh(json(winner).getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
        }
    }

    @Test
    void anExpiredSessionCannotBeRefreshedAndIsClearedAtTheNextLogin() throws Exception {
        String email = uniqueEmail();
        JsonObject tokens = registeredLogin(email);
        UUID session = sessionOf(tokens);
        // the session's absolute lifetime is over: as if REFRESH_TOKEN_EXPIRE_DAYS had passed
        TestDatabase.update("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = ?", session);

        assertProblem(api.refresh(tokens.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE id = ?", session));

        JsonObject other = json(api.login(email, PASSWORD));
        UUID stale = sessionOf(other);
        TestDatabase.update("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = ?", stale);
        assertEquals(200, api.login(email, PASSWORD).statusCode());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE id = ?", stale));
    }

    @Test
    void aDisabledAccountCannotRefresh() throws Exception {
        String email = uniqueEmail();
        JsonObject tokens = registeredLogin(email);
        TestDatabase.update("UPDATE users SET is_active = false WHERE lower(email) = lower(?)", email);

        assertProblem(api.refresh(tokens.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE id = ?", sessionOf(tokens)));
    }

    @Test
    void theTokenEndpointAlsoTakesTheRefreshTokenGrant() throws Exception {
        JsonObject first = registeredLogin(uniqueEmail());

        HttpResponse<String> refreshed = api.postForm(
                "/auth/login",
                Map.of("grant_type", "refresh_token", "refresh_token", first.getString("refresh_token")));

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(
                200,
                api.get("/users/me", json(refreshed).getString("access_token")).statusCode());
        assertProblem(api.refresh(first.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
    }

    @Test
    void malformedRefreshRequestsAreClientErrors() throws Exception {
        String refreshToken = registeredLogin(uniqueEmail()).getString("refresh_token");

        assertEquals(
                "invalid_request",
                assertProblem(
                                api.postForm("/auth/refresh", Map.of("grant_type", "refresh_token")),
                                422,
                                "/problems/validation")
                        .getString("error"));
        assertEquals(
                "unsupported_grant_type",
                assertProblem(
                                api.postForm(
                                        "/auth/refresh",
                                        Map.of("grant_type", "password", "refresh_token", refreshToken)),
                                400,
                                "/problems/unsupported-grant-type")
                        .getString("error"));
        assertProblem(
                api.postForm("/auth/refresh?refresh_token=" + refreshToken, Map.of("grant_type", "refresh_token")),
                400,
                "/problems/malformed-body");
        for (String garbage : List.of("x", "A".repeat(43), "Ä".repeat(43), "A".repeat(5000))) {
            assertProblem(api.refresh(garbage), 401, INVALID_REFRESH_TOKEN);
        }
        assertEquals(
                415,
                api.postJson("/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}")
                        .statusCode());
        // none of that used the real token up
        assertEquals(200, api.refresh(refreshToken).statusCode());
    }

    @Test
    void theCallerSeesOwnActiveSessionsWithoutTokenMaterial() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        JsonObject phone = loginAs(email, "Phone/1.0");
        JsonObject laptop = loginAs(email, "Laptop/2.0");
        registeredLogin(uniqueEmail()); // someone else's session is never listed

        HttpResponse<String> listed = api.get("/users/me/sessions", phone.getString("access_token"));

        assertEquals(200, listed.statusCode(), listed.body());
        JsonArray sessions = Api.jsonArray(listed);
        assertEquals(2, sessions.size(), listed.body());
        JsonObject newest = sessions.getJsonObject(0);
        JsonObject oldest = sessions.getJsonObject(1);
        assertEquals(sessionOf(laptop).toString(), newest.getString("id"));
        assertEquals("Laptop/2.0", newest.getString("user_agent"));
        assertFalse(newest.getBoolean("current"));
        assertEquals(sessionOf(phone).toString(), oldest.getString("id"));
        assertEquals("Phone/1.0", oldest.getString("user_agent"));
        assertTrue(oldest.getBoolean("current"));
        assertTrue(oldest.getString("ip_address").matches("[0-9a-fA-F:.]{2,45}"), oldest.toString());
        for (String member : List.of("created_at", "last_used_at", "expires_at")) {
            assertTrue(oldest.containsKey(member), member);
        }
        for (JsonObject tokens : List.of(phone, laptop)) {
            assertFalse(listed.body().contains(tokens.getString("refresh_token")));
            assertFalse(listed.body().contains(sha256(tokens.getString("refresh_token"))));
        }
    }

    @Test
    void endingOneSessionStopsItsRefreshTokenOnly() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        JsonObject phone = loginAs(email, "Phone/1.0");
        JsonObject laptop = loginAs(email, "Laptop/2.0");
        JsonObject stranger = registeredLogin(uniqueEmail());
        String path = "/users/me/sessions/" + sessionOf(laptop);

        assertProblem(
                api.delete("/users/me/sessions/" + sessionOf(phone), stranger.getString("access_token")),
                404,
                "/problems/unknown-session");
        assertEquals(204, api.delete(path, phone.getString("access_token")).statusCode());

        assertProblem(api.refresh(laptop.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
        assertProblem(api.delete(path, phone.getString("access_token")), 404, "/problems/unknown-session");
        assertProblem(
                api.delete("/users/me/sessions/not-a-uuid", phone.getString("access_token")),
                404,
                "/problems/unknown-session");
        assertEquals(200, api.refresh(phone.getString("refresh_token")).statusCode());
        assertEquals(200, api.refresh(stranger.getString("refresh_token")).statusCode());
    }

    @Test
    void logoutEndsTheCurrentSessionOnly() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        JsonObject phone = loginAs(email, "Phone/1.0");
        JsonObject laptop = loginAs(email, "Laptop/2.0");

        assertEquals(
                204, api.post("/auth/logout", phone.getString("access_token")).statusCode());

        assertProblem(api.refresh(phone.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
        assertEquals(200, api.refresh(laptop.getString("refresh_token")).statusCode());
        // documented: one session's access tokens run out on their own (ACCESS_TOKEN_EXPIRE_MINUTES)
        assertEquals(200, api.get("/users/me", phone.getString("access_token")).statusCode());
        assertEquals(
                204, api.post("/auth/logout", phone.getString("access_token")).statusCode(), "twice is no error");
    }

    @Test
    void logoutEverywhereRefusesEveryAccessTokenAtOnceAndAFreshLoginWorks() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = uniqueEmail();
            api.register(email, PASSWORD);
            JsonObject phone = loginAs(email, "Phone/1.0");
            JsonObject laptop = loginAs(email, "Laptop/2.0");
            String refreshedAccess =
                    json(api.refresh(laptop.getString("refresh_token"))).getString("access_token");

            assertEquals(
                    204,
                    api.post("/auth/logout?scope=all", phone.getString("access_token"))
                            .statusCode());

            for (String access :
                    List.of(phone.getString("access_token"), laptop.getString("access_token"), refreshedAccess)) {
                HttpResponse<String> me = api.get("/users/me", access);
                assertEquals(401, me.statusCode(), me.body());
                assertEquals(
                        "Bearer error=\"invalid_token\"",
                        me.headers().firstValue("WWW-Authenticate").orElseThrow());
            }
            assertProblem(api.refresh(phone.getString("refresh_token")), 401, INVALID_REFRESH_TOKEN);
            assertEquals(
                    0,
                    TestDatabase.count(
                            "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?",
                            email));
            // within the same second as the logout: a new login must not be mistaken for an old one
            JsonObject again = loginAs(email, "Phone/1.0");
            assertEquals(
                    200, api.get("/users/me", again.getString("access_token")).statusCode());
            assertEquals(200, api.refresh(again.getString("refresh_token")).statusCode());
        }
    }

    @Test
    void logoutNeedsAValidAccessTokenAndAKnownScope() throws Exception {
        JsonObject tokens = registeredLogin(uniqueEmail());

        HttpResponse<String> anonymous =
                api.send(api.request("/auth/logout").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(401, api.post("/auth/logout", "not-a-token").statusCode());
        assertProblem(
                api.post("/auth/logout?scope=everything", tokens.getString("access_token")),
                422,
                "/problems/validation");
        assertEquals(200, api.refresh(tokens.getString("refresh_token")).statusCode(), "nothing was ended");
    }

    @Test
    void aDeadlockWithAnotherTransactionIsAConflictToRetryAndChangesNothing() throws Exception {
        JsonObject tokens = registeredLogin(uniqueEmail());
        UUID session = sessionOf(tokens);
        UUID user = UUID.fromString(TestDatabase.queryString("SELECT user_id::text FROM sessions WHERE id = ?", session)
                .orElseThrow());
        HttpResponse<String> refreshed;
        try (Connection other = TestDatabase.connect()) {
            other.setAutoCommit(false);
            // the session first, then the account: the opposite of the server's order
            lockRow(other, "SELECT id FROM sessions WHERE id = ? FOR UPDATE", session);
            CompletableFuture<HttpResponse<String>> refresh =
                    CompletableFuture.supplyAsync(() -> api.refresh(tokens.getString("refresh_token")));
            TestDatabase.awaitWaitersFor(other); // the refresh holds the account and waits for the session
            // PostgreSQL's deadlock check runs in the backend that has waited longest: the refresh's
            lockRow(other, "SELECT id FROM users WHERE id = ? FOR UPDATE", user);
            other.rollback();
            refreshed = refresh.get(30, TimeUnit.SECONDS);
        }

        assertProblem(refreshed, 409, "/problems/concurrent-update");
        assertEquals(200, api.refresh(tokens.getString("refresh_token")).statusCode(), "nothing was rotated");
    }

    private static void lockRow(Connection connection, String sql, UUID id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeQuery().close();
        }
    }

    private JsonObject registeredLogin(String email) {
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        HttpResponse<String> login = api.login(email, PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return json(login);
    }

    private JsonObject loginAs(String email, String userAgent) {
        HttpResponse<String> login = api.send(api.request("/auth/login")
                .header("Content-Type", Api.FORM)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("username", email, "password", PASSWORD)))));
        assertEquals(200, login.statusCode(), login.body());
        return json(login);
    }

    static long authTime(JsonObject tokens) throws Exception {
        return SignedJWT.parse(tokens.getString("access_token"))
                .getJWTClaimsSet()
                .getLongClaim("auth_time");
    }

    static String sha256(String token) throws Exception {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aClientCannotChooseTheAddressItsSessionRecords() throws Exception {
        // the suite's server trusts no proxy: X-Forwarded-For is anyone's to write
        String address = dev.saasapi.platform.http.boundary.ClientAddressIT.sessionAddress(
                api.uri("/").toURL(), "198.51.100.9");
        assertTrue(
                java.net.NetworkInterface.getByInetAddress(java.net.InetAddress.getByName(address)) != null,
                address + " is not an address of this machine, the peer of the test's connection");
    }

    @Test
    void listsSessionsInPagesWithATotalAndLinks() throws Exception {
        String email = uniqueEmail();
        JsonObject first = registeredLogin(email);
        for (int i = 0; i < 2; i++) {
            assertEquals(200, api.login(email, PASSWORD).statusCode());
        }
        String token = first.getString("access_token");

        HttpResponse<String> page1 = api.get("/users/me/sessions?per_page=2", token);
        HttpResponse<String> page2 = api.get("/users/me/sessions?per_page=2&page=2", token);

        assertEquals(200, page1.statusCode(), page1.body());
        assertEquals(2, Api.jsonArray(page1).size());
        assertEquals(1, Api.jsonArray(page2).size());
        assertEquals("3", page1.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(page1.headers()
                .firstValue("Link")
                .orElseThrow()
                .contains("</users/me/sessions?page=2&per_page=2>; rel=\"next\""));
        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> page : List.of(page1, page2)) {
            Api.jsonArray(page)
                    .forEach(session -> ids.add(session.asJsonObject().getString("id")));
        }
        assertEquals(3, ids.stream().distinct().count(), ids.toString());
        assertProblem(api.get("/users/me/sessions?per_page=500", token), 422, "/problems/validation");
    }
}
