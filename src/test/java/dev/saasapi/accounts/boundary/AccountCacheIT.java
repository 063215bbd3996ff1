package dev.saasapi.accounts.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The account every protected request reads comes from the shared cache: a change through the
 * application is seen by the very next request, a change beside it (SQL) once the copy expires.
 */
class AccountCacheIT extends HttpIT {

    private static final String PASSWORD = "cache-Passw0rd-1";
    private static final String INVALID_TOKEN = "/problems/invalid-token";

    @Test
    void seesAChangeMadeBesideTheApplicationOnlyOnceTheCopyExpires() throws Exception {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        assertEquals(200, api.get("/users/me", token).statusCode());

        assertEquals(1, TestDatabase.update("UPDATE users SET is_active = false WHERE email = ?", email));
        long changed = System.nanoTime();

        assertEquals(200, api.get("/users/me", token).statusCode(), "served from the cache");
        HttpResponse<String> refused = api.get("/users/me", token);
        while (refused.statusCode() == 200
                && System.nanoTime() - changed < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(100);
            refused = api.get("/users/me", token);
        }
        Duration seen = Duration.ofNanos(System.nanoTime() - changed);
        assertProblem(refused, 401, INVALID_TOKEN);
        assertTrue(
                seen.compareTo(Duration.ofSeconds(TestEnvironment.SUITE_CACHE_EXPIRY_SECONDS + 2)) < 0,
                "seen after " + seen + ", the expiry is " + TestEnvironment.SUITE_CACHE_EXPIRY_SECONDS + " s");
    }

    @Test
    void refusesTheNextRequestAfterLoggingOutEverywhereWhileTheAccountIsCached() {
        String token = api.registeredToken(uniqueEmail(), PASSWORD);
        assertEquals(200, api.get("/users/me", token).statusCode());

        assertEquals(204, api.post("/auth/logout?scope=all", token).statusCode());

        assertProblem(api.get("/users/me", token), 401, INVALID_TOKEN);
    }

    @Test
    void refusesTheOldTokensOnTheNextRequestAfterAPasswordChange() {
        String email = uniqueEmail();
        String old = api.registeredToken(email, PASSWORD);
        String other = json(api.login(email, PASSWORD)).getString("access_token");
        assertEquals(200, api.get("/users/me", other).statusCode());

        JsonObject change = Json.createObjectBuilder()
                .add("current_password", PASSWORD)
                .add("new_password", "cache-Passw0rd-2")
                .build();
        assertEquals(
                200, api.postJson("/users/me/password", old, change.toString()).statusCode());

        assertProblem(api.get("/users/me", other), 401, INVALID_TOKEN);
    }
}
