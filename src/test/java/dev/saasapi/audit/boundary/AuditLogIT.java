package dev.saasapi.audit.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.jsonArray;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.Tenant;
import dev.saasapi.it.Tenant.Person;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestMail;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit log over HTTP: what is recorded, with whom and from where, and who may read it. */
class AuditLogIT extends HttpIT {

    private static final String PASSWORD = "audit-Passw0rd-1";
    private static final String NEW_PASSWORD = "audit-Passw0rd-2-new";

    private static List<String> actions(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return jsonArray(response).stream()
                .map(JsonObject.class::cast)
                .map(event -> event.getString("action"))
                .toList();
    }

    private static JsonObject first(HttpResponse<String> response, String action) {
        return jsonArray(response).stream()
                .map(JsonObject.class::cast)
                .filter(event -> event.getString("action").equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError(action + " not in " + response.body()));
    }

    @Test
    void anAccountSeesItsOwnSecurityEventsNewestFirstWithWhereTheyCameFromAndNoSecrets() throws Exception {
        String email = Api.uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        // the longest request id the server takes from a client is kept whole
        HttpResponse<String> failed = api.login(email, "wrong-" + PASSWORD, "r".repeat(128));
        assertEquals(401, failed.statusCode());
        JsonObject login = json(api.login(email, PASSWORD));
        HttpResponse<String> changed = api.postJson(
                "/users/me/password",
                login.getString("access_token"),
                Json.createObjectBuilder()
                        .add("current_password", PASSWORD)
                        .add("new_password", NEW_PASSWORD)
                        .build()
                        .toString());
        assertEquals(200, changed.statusCode(), changed.body());
        String token = json(changed).getString("access_token");

        HttpResponse<String> events = api.get("/users/me/security-events", token);
        assertEquals(
                List.of("password.changed", "login.succeeded", "login.failed", "account.registered"), actions(events));
        JsonObject refusal = first(events, "login.failed");
        assertEquals("failure", refusal.getString("outcome"));
        assertEquals("anonymous", refusal.getJsonObject("actor").getString("type"));
        assertEquals(failed.headers().firstValue("X-Request-Id").orElseThrow(), refusal.getString("request_id"));
        // the address rate limits see: the test's own (the suite's server trusts no proxy)
        assertTrue(
                NetworkInterface.getByInetAddress(InetAddress.getByName(refusal.getString("ip"))) != null,
                refusal.toString());
        assertFalse(refusal.getString("user_agent").isBlank());
        JsonObject change = first(events, "password.changed");
        assertEquals("user", change.getJsonObject("actor").getString("type"));
        assertEquals(
                json(api.get("/users/me", token)).getString("id"),
                change.getJsonObject("actor").getString("id"));
        for (String secret : List.of(PASSWORD, NEW_PASSWORD, login.getString("refresh_token"), token)) {
            assertFalse(events.body().contains(secret), "a secret in the audit log");
        }

        assertEquals(List.of("login.failed"), actions(api.get("/users/me/security-events?action=login.failed", token)));
        String later = URLEncoder.encode(Instant.now().plusSeconds(60).toString(), StandardCharsets.UTF_8);
        assertEquals(List.of(), actions(api.get("/users/me/security-events?since=" + later, token)));
        assertEquals(
                4,
                actions(api.get("/users/me/security-events?until=" + later, token))
                        .size());
        JsonObject problem = assertProblem(
                api.get(
                        "/users/me/security-events?since=yesterday&actor_id=x&until=%2B999999999-12-31T00:00:00Z",
                        token),
                422,
                "/problems/validation");
        assertEquals(3, problem.getJsonArray("errors").size());

        // a reset is asked for after the answer has gone: the event still names the request and its client
        HttpResponse<String> reset = api.postJson("/auth/password-reset", "{\"email\": \"" + email + "\"}");
        assertEquals(202, reset.statusCode());
        JsonObject requested = awaitEvent(token, "password_reset.requested");
        assertEquals(reset.headers().firstValue("X-Request-Id").orElseThrow(), requested.getString("request_id"));
        assertEquals(refusal.getString("ip"), requested.getString("ip"));
    }

    private JsonObject awaitEvent(String token, String action) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JsonArray found = jsonArray(api.get("/users/me/security-events?action=" + action, token));
            if (!found.isEmpty()) {
                return found.getJsonObject(0);
            }
            assertTrue(System.nanoTime() < deadline, action + " was not recorded");
            Thread.sleep(100);
        }
    }

    @Test
    void anOrganizationsAdminsReadItsEventsWithTheActorOfEach() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person member = tenant.add("member");
        Person admin = tenant.add("admin");
        assertEquals(
                200,
                api.patchJson(tenant.path() + "/members/" + member.id(), tenant.owner.token(), "{\"role\": \"admin\"}")
                        .statusCode());
        Tenant.Key key = tenant.apiKey("admin");
        assertEquals(200, api.get(tenant.path() + "/members", key.key()).statusCode());
        assertEquals(200, api.get(tenant.path() + "/members", key.key()).statusCode());
        assertEquals(
                204,
                api.delete(tenant.path() + "/members/" + member.id(), key.key()).statusCode());
        assertEquals(
                204,
                api.delete(tenant.path() + "/api-keys/" + key.id(), tenant.owner.token())
                        .statusCode());
        Tenant.create(api); // another organization's events never show here

        HttpResponse<String> events = api.get(tenant.path() + "/audit-events", admin.token());
        assertEquals(
                List.of(
                        "api_key.revoked",
                        "member.removed",
                        "api_key.used_from_new_ip",
                        "api_key.created",
                        "member.role_changed",
                        "organization.created"),
                actions(events));
        assertEquals("6", events.headers().firstValue("X-Total-Count").orElseThrow());
        JsonObject removal = first(events, "member.removed");
        assertEquals("api_key", removal.getJsonObject("actor").getString("type"));
        assertEquals(key.id().toString(), removal.getJsonObject("actor").getString("id"));
        assertEquals(member.id().toString(), removal.getJsonObject("target").getString("id"));
        JsonObject roleChange = first(events, "member.role_changed");
        assertEquals(
                tenant.owner.id().toString(), roleChange.getJsonObject("actor").getString("id"));
        assertEquals("admin", roleChange.getJsonObject("details").getString("to"));
        assertEquals(
                List.of("member.role_changed"),
                actions(api.get(
                        tenant.path() + "/audit-events?actor_id=" + tenant.owner.id() + "&action=member.role_changed",
                        admin.token())));

        Person plain = tenant.add("member");
        assertProblem(api.get(tenant.path() + "/audit-events", plain.token()), 403, "/problems/insufficient-role");
        assertProblem(
                api.get(tenant.path() + "/audit-events", Tenant.person(api).token()),
                404,
                "/problems/unknown-organization");
        assertEquals(
                200,
                api.get(tenant.path() + "/audit-events", tenant.apiKey("admin").key())
                        .statusCode());
        assertProblem(
                api.get(tenant.path() + "/audit-events", tenant.apiKey("member").key()),
                403,
                "/problems/insufficient-role");
        // the member removed sees it among their own events
        JsonArray own = jsonArray(api.get("/users/me/security-events?action=member.removed", member.token()));
        assertEquals(1, own.size(), own.toString());
        assertEquals(tenant.id.toString(), own.getJsonObject(0).getString("organization_id"));
        assertTrue(
                own.getJsonObject(0).isNull("ip") && own.getJsonObject(0).isNull("user_agent"),
                "not who removed them from where");
        assertFalse(removal.isNull("ip"), "the organization's admins see it");
    }

    @Test
    void nobodyButPlatformAdminsReadsEverything() {
        String user = api.registeredToken(Api.uniqueEmail(), PASSWORD);
        assertProblem(api.get("/admin/audit-events", user), 403, "about:blank");
        assertProblem(api.get("/admin/audit-events?action=x", UUID.randomUUID().toString()), 401, "about:blank");
    }

    private final TestMail mail = TestMail.suite();

    private String mailedToken(String email, String subject, String page) {
        return TestMail.token(TestMail.link(mail.awaitOne(email, subject), TestMail.SUITE_PUBLIC_URL, page));
    }

    private static String body(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }

    @Test
    void everyChangeOfTheListIsRecorded() throws Exception {
        Person person = Tenant.person(api);
        assertEquals(
                200,
                api.postJson(
                                "/auth/verify-email",
                                body("token", mailedToken(person.email(), "Confirm", "/account/verify-email")))
                        .statusCode());
        // a refresh token used twice
        JsonObject login = json(api.login(person.email(), Tenant.PASSWORD));
        assertEquals(200, api.refresh(login.getString("refresh_token")).statusCode());
        assertEquals(401, api.refresh(login.getString("refresh_token")).statusCode());
        String token = json(api.login(person.email(), Tenant.PASSWORD)).getString("access_token");
        String newEmail = "moved-" + person.email();
        assertEquals(
                200, api.patchJson("/users/me", token, body("email", newEmail)).statusCode());
        assertEquals(
                200,
                api.postJson(
                                "/auth/verify-email",
                                body("token", mailedToken(newEmail, "Confirm", "/account/verify-email")))
                        .statusCode());

        Tenant tenant = Tenant.create(api);
        assertEquals(
                200,
                api.patchJson(tenant.path(), tenant.owner.token(), body("name", "Audited"))
                        .statusCode());
        tenant.invite(newEmail, "member");
        String accept = mailedToken(newEmail, "You are invited", "/account/accept-invitation");
        assertEquals(
                200,
                api.postJson("/invitations/accept", token, body("token", accept))
                        .statusCode());
        String someone = "someone-" + UUID.randomUUID() + "@example.com";
        tenant.invite(someone, "member");
        String revoked = tenant.invite(someone, "admin"); // replaces the first
        assertEquals(
                204,
                api.delete(tenant.path() + "/invitations/" + revoked, tenant.owner.token())
                        .statusCode());
        assertEquals(
                204,
                api.delete(tenant.path() + "/members/" + person.id(), token).statusCode());

        assertEquals(
                202,
                api.postJson("/auth/password-reset", body("email", newEmail)).statusCode());
        String reset = mailedToken(newEmail, "Reset", "/account/reset-password");
        assertEquals(
                204,
                api.postJson(
                                "/auth/password-reset/confirm",
                                Json.createObjectBuilder()
                                        .add("token", reset)
                                        .add("new_password", NEW_PASSWORD)
                                        .build()
                                        .toString())
                        .statusCode());
        token = json(api.login(newEmail, NEW_PASSWORD)).getString("access_token");
        String other = json(api.login(newEmail, NEW_PASSWORD)).getString("access_token");
        String otherSession = jsonArray(api.get("/users/me/sessions", token)).stream()
                .map(JsonObject.class::cast)
                .filter(session -> !session.getBoolean("current"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        assertEquals(
                204, api.delete("/users/me/sessions/" + otherSession, token).statusCode());
        assertEquals(204, api.post("/auth/logout", token).statusCode());
        String last = json(api.login(newEmail, NEW_PASSWORD)).getString("access_token");
        assertEquals(204, api.post("/auth/logout?scope=all", last).statusCode());
        assertEquals(204, api.delete(tenant.path(), tenant.owner.token()).statusCode());

        List<String> ofPerson = TestDatabase.strings(
                "SELECT DISTINCT action FROM audit_events WHERE account_id = ? ORDER BY action", person.id());
        for (String action : List.of(
                "account.registered",
                "email.verified",
                "refresh_token.replayed",
                "email.changed",
                "invitation.accepted",
                "member.added",
                "member.left",
                "password_reset.requested",
                "password_reset.completed",
                "login.succeeded",
                "session.ended",
                "logout",
                "logout.everywhere")) {
            assertTrue(ofPerson.contains(action), action + " not among " + ofPerson);
        }
        assertEquals(
                1,
                TestDatabase.count(
                        "SELECT count(*) FROM audit_events WHERE organization_id = ? AND action = 'invitation.revoked'"
                                + " AND details->>'reason' = 'replaced by a new invitation'",
                        tenant.id));
        List<String> ofOrganization = TestDatabase.strings(
                "SELECT DISTINCT action FROM audit_events WHERE organization_id = ? ORDER BY action", tenant.id);
        assertEquals(
                List.of(
                        "invitation.accepted",
                        "invitation.created",
                        "invitation.revoked",
                        "member.added",
                        "member.left",
                        "organization.created",
                        "organization.deleted",
                        "organization.updated"),
                ofOrganization);
    }
}
