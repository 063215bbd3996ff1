package dev.saasapi.admin.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.jsonArray;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.it.TestMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The platform admin from ADMIN_EMAILS: every account and organization, deactivation, deletion. */
class AdminUsersIT extends HttpIT {

    private static final String PASSWORD = "admin-Passw0rd-1";

    private final TestMail mail = TestMail.suite();

    /** Verifies the email with the link of the mail that came after the {@code before} earlier ones. */
    private void verify(String email, int before) {
        List<MimeMessage> received = mail.await(email, before + 1, Duration.ofSeconds(20));
        MimeMessage confirm = received.get(received.size() - 1);
        assertTrue(TestMail.subject(confirm).contains("Confirm"), TestMail.subject(confirm));
        String link = TestMail.link(confirm, TestMail.SUITE_PUBLIC_URL, "/account/verify-email");
        String body = Json.createObjectBuilder()
                .add("token", TestMail.token(link))
                .build()
                .toString();
        assertEquals(200, api.postJson("/auth/verify-email", body).statusCode());
    }

    private static List<String> groups(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("groups");
    }

    @Test
    void onlyAVerifiedListedEmailIsAnAdminAndListsAccounts() throws Exception {
        // the suite's database may be kept from an earlier run, and other tests here log in as this admin
        int before = mail.to(TestEnvironment.ADMIN_EMAIL).size();
        TestDatabase.update("DELETE FROM users WHERE lower(email) = ?", TestEnvironment.ADMIN_EMAIL);
        String unverified = api.registeredToken(TestEnvironment.ADMIN_EMAIL, PASSWORD);
        assertEquals(List.of("user"), groups(unverified), "a listed but unverified email is no admin");
        assertProblem(api.get("/admin/users", unverified), 403, "about:blank");

        verify(TestEnvironment.ADMIN_EMAIL, before);
        String admin = json(api.login(TestEnvironment.ADMIN_EMAIL, PASSWORD)).getString("access_token");
        assertEquals(List.of("user", "admin"), groups(admin));

        String marker = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        for (String prefix : List.of("b", "a", "c")) {
            assertEquals(
                    201,
                    api.register(prefix + "-" + marker + "@example.com", PASSWORD)
                            .statusCode());
        }
        HttpResponse<String> byEmail =
                api.get("/admin/users?q=" + marker.toUpperCase() + "&sort=email&per_page=2", admin);
        assertEquals(200, byEmail.statusCode(), byEmail.body());
        assertEquals(List.of("a-" + marker + "@example.com", "b-" + marker + "@example.com"), emails(byEmail));
        assertEquals("3", byEmail.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(byEmail.headers().firstValue("Link").orElseThrow().contains("rel=\"next\""));
        HttpResponse<String> newest = api.get("/admin/users?q=" + marker + "&sort=-created_at", admin);
        assertEquals("c-" + marker + "@example.com", emails(newest).get(0));
        assertEquals(
                0, jsonArray(api.get("/admin/users?q=%25_" + marker, admin)).size(), "% and _ match themselves");
        JsonObject problem =
                assertProblem(api.get("/admin/users?sort=password_hash", admin), 422, "/problems/validation");
        assertEquals("sort", problem.getJsonArray("errors").getJsonObject(0).getString("field"));

        String user = api.registeredToken("plain-" + marker + "@example.com", PASSWORD);
        assertProblem(api.get("/admin/users", user), 403, "about:blank");
    }

    /**
     * A listed admin's account, active and verified (straight in the database: verifying by mail is
     * tested above), logged in afresh.
     */
    private String admin(String email) throws Exception {
        if (TestDatabase.count("SELECT count(*) FROM users WHERE lower(email) = ?", email) == 0) {
            int before = mail.to(email).size();
            assertEquals(201, api.register(email, PASSWORD).statusCode());
            mail.await(email, before + 1, Duration.ofSeconds(20)); // none arrives later, in another test
        }
        TestDatabase.update("UPDATE users SET is_active = true, email_verified = true WHERE lower(email) = ?", email);
        HttpResponse<String> login = api.login(email, PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return json(login).getString("access_token");
    }

    private static String activation(boolean active) {
        return Json.createObjectBuilder().add("is_active", active).build().toString();
    }

    private UUID id(String token) {
        return UUID.fromString(json(api.get("/users/me", token)).getString("id"));
    }

    @Test
    void deactivationEndsEverySessionAtOnceAndReactivationNeedsANewLogin() throws Exception {
        String admin = admin(TestEnvironment.ADMIN_EMAIL);
        String email = Api.uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        JsonObject tokens = json(api.login(email, PASSWORD));
        String access = tokens.getString("access_token");
        UUID user = id(access);

        HttpResponse<String> shown = api.get("/admin/users/" + user, admin);
        assertEquals(200, shown.statusCode(), shown.body());
        assertEquals(email, json(shown).getString("email"));
        assertTrue(json(shown).getBoolean("is_active"));

        HttpResponse<String> off = api.patchJson("/admin/users/" + user, admin, activation(false));
        assertEquals(200, off.statusCode(), off.body());
        assertFalse(json(off).getBoolean("is_active"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE user_id = ?", user));
        assertProblem(api.get("/users/me", access), 401, "/problems/invalid-token");
        assertProblem(api.refresh(tokens.getString("refresh_token")), 401, "/problems/invalid-refresh-token");
        assertProblem(api.login(email, PASSWORD), 401, "/problems/invalid-credentials");
        assertEquals(
                200,
                api.patchJson("/admin/users/" + user, admin, activation(false)).statusCode(),
                "turning off what is off changes nothing");

        // the deactivation is in the audit log, by the admin, and among the account's own events
        UUID adminId = id(admin);
        HttpResponse<String> audited =
                api.get("/admin/audit-events?action=account.deactivated&actor_id=" + adminId, admin);
        assertEquals(200, audited.statusCode(), audited.body());
        JsonObject event = jsonArray(audited).getJsonObject(0);
        assertEquals("admin", event.getJsonObject("actor").getString("type"));
        assertEquals(user.toString(), event.getJsonObject("target").getString("id"));

        HttpResponse<String> on = api.patchJson("/admin/users/" + user, admin, activation(true));
        assertEquals(200, on.statusCode(), on.body());
        assertTrue(json(on).getBoolean("is_active"));
        assertProblem(api.get("/users/me", access), 401, "/problems/invalid-token");
        String again = json(api.login(email, PASSWORD)).getString("access_token");
        assertEquals(200, api.get("/users/me", again).statusCode());

        assertProblem(api.patchJson("/admin/users/" + user, admin, "{}"), 422, "/problems/validation");
        assertProblem(
                api.patchJson("/admin/users/" + user, admin, "{\"is_active\":false,\"email\":\"x@example.com\"}"),
                400,
                "/problems/malformed-body");
        assertTrue(
                json(api.get("/admin/users/" + user, admin)).getBoolean("is_active"), "a refused body changes nothing");
    }

    @Test
    void unknownAndMalformedIdsAreTheSame404AndOthersAreRefused() throws Exception {
        String admin = admin(TestEnvironment.ADMIN_EMAIL);
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1-1-1-1-1")) {
            assertProblem(api.get("/admin/users/" + id, admin), 404, "/problems/unknown-user");
            assertProblem(api.patchJson("/admin/users/" + id, admin, activation(false)), 404, "/problems/unknown-user");
            assertProblem(api.delete("/admin/users/" + id, admin), 404, "/problems/unknown-user");
        }
        String user = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        UUID self = id(user);
        assertProblem(api.get("/admin/users/" + self, user), 403, "about:blank");
        assertProblem(api.patchJson("/admin/users/" + self, user, activation(true)), 403, "about:blank");
        assertProblem(api.delete("/admin/users/" + self, user), 403, "about:blank");
        assertProblem(api.get("/admin/orgs", user), 403, "about:blank");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE id = ?", self));
    }

    @Test
    void deletionTakesEverythingOfTheAccountButNotTheLastOwnerOfAnOrganization() throws Exception {
        String admin = admin(TestEnvironment.ADMIN_EMAIL);
        String email = Api.uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        UUID user = id(token);
        HttpResponse<String> created = api.postJson("/orgs", token, "{\"name\":\"Sole owner\"}");
        assertEquals(201, created.statusCode(), created.body());
        String organization = json(created).getString("id");

        assertProblem(api.delete("/admin/users/" + user, admin), 409, "/problems/last-owner");
        assertEquals(200, api.get("/users/me", token).statusCode(), "a refused deletion changes nothing");

        assertEquals(204, api.delete("/orgs/" + organization, token).statusCode());
        assertEquals(204, api.delete("/admin/users/" + user, admin).statusCode());
        assertProblem(api.get("/users/me", token), 401, "/problems/invalid-token");
        assertProblem(api.get("/admin/users/" + user, admin), 404, "/problems/unknown-user");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE user_id = ?", user));
        assertEquals(201, api.register(email, PASSWORD).statusCode(), "the email is free again");
    }

    @Test
    void theLastActiveAdminCannotTurnThemselvesOff() throws Exception {
        String first = admin(TestEnvironment.ADMIN_EMAIL);
        String second = admin(TestEnvironment.SECOND_ADMIN_EMAIL);
        UUID firstId = id(first);
        UUID secondId = id(second);

        // an unverified listed account is no admin: the first is the last one
        TestDatabase.update("UPDATE users SET email_verified = false WHERE id = ?", secondId);
        assertProblem(api.patchJson("/admin/users/" + firstId, first, activation(false)), 409, "/problems/last-admin");
        assertProblem(api.delete("/admin/users/" + firstId, first), 409, "/problems/last-admin");
        assertEquals(200, api.get("/users/me", first).statusCode(), "a refused change changes nothing");

        second = admin(TestEnvironment.SECOND_ADMIN_EMAIL);
        assertEquals(
                200,
                api.patchJson("/admin/users/" + firstId, first, activation(false))
                        .statusCode());
        assertProblem(
                api.patchJson("/admin/users/" + secondId, second, activation(false)), 409, "/problems/last-admin");
        assertEquals(
                200,
                api.patchJson("/admin/users/" + firstId, second, activation(true))
                        .statusCode());

        // two admins turning each other off at once take turns: while another transaction turns the second
        // off, the second's request to turn off the first waits for it, then finds the first the last admin
        try (Connection other = TestDatabase.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement statement =
                    other.prepareStatement("UPDATE users SET is_active = false WHERE id = ?")) {
                statement.setObject(1, secondId);
                statement.executeUpdate();
            }
            String secondBefore = second;
            CompletableFuture<HttpResponse<String>> secondOffFirst = CompletableFuture.supplyAsync(
                    () -> api.patchJson("/admin/users/" + firstId, secondBefore, activation(false)));
            TestDatabase.awaitWaitersFor(other);
            other.commit();
            assertProblem(secondOffFirst.get(30, TimeUnit.SECONDS), 409, "/problems/last-admin");
        }
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE id = ? AND is_active", firstId));
        admin(TestEnvironment.ADMIN_EMAIL);
    }

    @Test
    void everyOrganizationWithItsMembersForAdminsOnly() throws Exception {
        String admin = admin(TestEnvironment.ADMIN_EMAIL);
        String marker = "orgs-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        for (String name : List.of("B " + marker, "a " + marker, "C " + marker)) {
            assertEquals(
                    201,
                    api.postJson(
                                    "/orgs",
                                    owner,
                                    Json.createObjectBuilder()
                                            .add("name", name)
                                            .build()
                                            .toString())
                            .statusCode());
        }
        HttpResponse<String> byName = api.get("/admin/orgs?q=" + marker.toUpperCase() + "&sort=name&per_page=2", admin);
        assertEquals(200, byName.statusCode(), byName.body());
        assertEquals(List.of("a " + marker, "B " + marker), names(byName));
        assertEquals("3", byName.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(1, jsonArray(byName).getJsonObject(0).getInt("members"));
        assertEquals(
                List.of("C " + marker, "a " + marker, "B " + marker),
                names(api.get("/admin/orgs?q=" + marker + "&sort=-created_at", admin)));
        assertEquals(1, jsonArray(api.get("/admin/orgs?q=b-" + marker, admin)).size(), "the slug matches too");
        JsonObject problem = assertProblem(api.get("/admin/orgs?sort=id", admin), 422, "/problems/validation");
        assertEquals("sort", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static List<String> names(HttpResponse<String> response) {
        return jsonArray(response).stream()
                .map(JsonObject.class::cast)
                .map(o -> o.getString("name"))
                .toList();
    }

    private static List<String> emails(HttpResponse<String> response) {
        return jsonArray(response).stream()
                .map(JsonObject.class::cast)
                .map(u -> u.getString("email"))
                .toList();
    }
}
