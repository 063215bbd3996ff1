package dev.saasapi.apikeys.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.jsonArray;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.identity.control.ApiKeyFormat;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.Tenant;
import dev.saasapi.it.Tenant.Person;
import dev.saasapi.it.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An organization's API keys: made and listed by people, used by machines, refused once revoked. */
class ApiKeysIT extends HttpIT {

    private static final Pattern KEY = Pattern.compile("saas_[A-Za-z0-9_-]{43}[A-Za-z0-9]{6}");

    private static String creation(String name, String role) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("role", role)
                .build()
                .toString();
    }

    private HttpResponse<String> create(Tenant tenant, String token, String body) {
        return api.postJson(tenant.path() + "/api-keys", token, body);
    }

    /** The problem without what differs per request. */
    private static JsonObject sameParts(HttpResponse<String> response) {
        JsonObject problem = json(response);
        return Json.createObjectBuilder(problem)
                .remove("request_id")
                .remove("instance")
                .build();
    }

    @Test
    void theKeyIsShownOnceStoredAsAHashAndNeverListed() throws Exception {
        Tenant tenant = Tenant.create(api);

        HttpResponse<String> created = create(tenant, tenant.owner.token(), creation("CI deploys", "admin"));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = json(created);
        String key = body.getString("key");
        assertTrue(KEY.matcher(key).matches(), key);
        assertEquals(key.substring(0, 13), body.getString("prefix"));
        assertEquals("admin", body.getString("role"));
        assertTrue(body.isNull("last_used_at") && body.isNull("expires_at"), body.toString());
        assertTrue(created.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(created.headers()
                .firstValue("Location")
                .orElseThrow()
                .endsWith(tenant.path() + "/api-keys/" + body.getString("id")));
        assertEquals(
                ApiKeyFormat.hash(key),
                TestDatabase.queryString("SELECT key_hash FROM api_keys WHERE id = ?::uuid", body.getString("id"))
                        .orElseThrow());
        assertEquals(
                0,
                TestDatabase.count(
                        "SELECT count(*) FROM api_keys WHERE position(? IN api_keys::text) > 0", key.substring(13)));

        HttpResponse<String> listed = api.get(tenant.path() + "/api-keys", tenant.owner.token());
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains(key.substring(13)), "the key is never listed");
        JsonObject item = jsonArray(listed).getJsonObject(0);
        assertFalse(item.containsKey("key"));
        assertEquals("CI deploys", item.getString("name"));
        assertEquals("1", listed.headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void refusesRolesNamesAndExpiriesOutsideTheirForms() {
        Tenant tenant = Tenant.create(api);
        for (String body : List.of(
                creation("Owner key", "owner"),
                creation("", "member"),
                "{\"role\": \"member\"}",
                "{\"name\": \"Past\", \"role\": \"member\", \"expires_at\": \"2020-01-01T00:00:00Z\"}")) {
            assertProblem(create(tenant, tenant.owner.token(), body), 422, "/problems/validation");
        }
        assertProblem(
                create(
                        tenant,
                        tenant.owner.token(),
                        "{\"name\": \"X\", \"role\": \"member\", \"expires_at\": \"soon\"}"),
                400,
                "/problems/malformed-body");
    }

    @Test
    void aKeyActsWithItsRoleInItsOrganizationAndReachesNothingElse() throws Exception {
        Tenant tenant = Tenant.create(api);
        String member = tenant.apiKey("member").key();
        String admin = tenant.apiKey("admin").key();

        HttpResponse<String> read = api.get(tenant.path(), member);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("member", json(read).getString("role"));
        assertProblem(
                api.patchJson(tenant.path(), member, "{\"name\": \"Renamed\"}"), 403, "/problems/insufficient-role");
        assertEquals(
                200,
                api.patchJson(tenant.path(), admin, "{\"name\": \"Renamed\"}").statusCode());

        HttpResponse<String> invited = api.postJson(
                tenant.path() + "/invitations", admin, "{\"email\": \"by-key@example.com\", \"role\": \"member\"}");
        assertEquals(201, invited.statusCode(), invited.body());
        assertProblem(
                api.postJson(
                        tenant.path() + "/invitations",
                        admin,
                        "{\"email\": \"owner-by-key@example.com\", \"role\": \"owner\"}"),
                403,
                "/problems/insufficient-role");

        for (String path : List.of("/users/me", "/users/me/sessions", "/admin/users", "/orgs")) {
            assertProblem(api.get(path, admin), 403, "about:blank");
        }
        assertProblem(api.postJson("/orgs", admin, "{\"name\": \"By key\"}"), 403, "about:blank");
        assertProblem(create(tenant, admin, creation("More", "member")), 403, "about:blank");
        assertProblem(api.get(Tenant.create(api).path(), admin), 404, "/problems/unknown-organization");
    }

    @Test
    void revokedExpiredAndUnknownKeysAreRefusedAlike() throws Exception {
        Tenant tenant = Tenant.create(api);
        Tenant.Key revoked = tenant.apiKey("member");
        Tenant.Key expired = tenant.apiKey("member");
        assertEquals(200, api.get(tenant.path(), revoked.key()).statusCode());

        assertEquals(
                204,
                api.delete(tenant.path() + "/api-keys/" + revoked.id(), tenant.owner.token())
                        .statusCode());
        TestDatabase.update("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = ?", expired.id());
        char last = revoked.key().charAt(20);
        String mistyped = revoked.key().substring(0, 20)
                + (last == 'a' ? 'b' : 'a')
                + revoked.key().substring(21);

        // a mistyped key is refused before any lookup, as a forged access token is
        HttpResponse<String> typo = api.get(tenant.path(), mistyped);
        assertProblem(typo, 401, "about:blank");
        assertTrue(typo.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));

        List<JsonObject> answers = new ArrayList<>();
        for (String key : List.of(revoked.key(), expired.key(), ApiKeyFormat.generate())) {
            HttpResponse<String> refused = api.get(tenant.path(), key);
            assertProblem(refused, 401, "/problems/invalid-token");
            assertTrue(
                    refused.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                    refused.headers().toString());
            answers.add(sameParts(refused));
        }
        assertEquals(1, answers.stream().distinct().count(), answers.toString());
        assertProblem(
                api.delete(tenant.path() + "/api-keys/" + revoked.id(), tenant.owner.token()),
                404,
                "/problems/unknown-api-key");
    }

    @Test
    void manyParallelRequestsWithOneKeyWriteLastUsedAtOnce() throws Exception {
        TestDatabase.update("CREATE TABLE IF NOT EXISTS test_api_key_touches (key_id uuid, at timestamptz)");
        TestDatabase.update("CREATE OR REPLACE FUNCTION test_record_api_key_touch() RETURNS trigger AS $$"
                + " BEGIN INSERT INTO test_api_key_touches VALUES (NEW.id, NEW.last_used_at); RETURN NEW; END $$"
                + " LANGUAGE plpgsql");
        TestDatabase.update("DROP TRIGGER IF EXISTS test_api_key_touched ON api_keys");
        TestDatabase.update("CREATE TRIGGER test_api_key_touched AFTER UPDATE OF last_used_at ON api_keys"
                + " FOR EACH ROW EXECUTE FUNCTION test_record_api_key_touch()");
        Tenant tenant = Tenant.create(api);
        Tenant.Key key = tenant.apiKey("member");

        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> api.get(tenant.path() + "/members", key.key()).statusCode());
        }
        assertEquals(
                List.of(200), Concurrently.run(requests).stream().distinct().toList());
        assertEquals(200, api.get(tenant.path(), key.key()).statusCode());

        assertEquals(1, TestDatabase.count("SELECT count(*) FROM test_api_key_touches WHERE key_id = ?", key.id()));
        JsonObject listed = jsonArray(api.get(tenant.path() + "/api-keys", tenant.owner.token())).stream()
                .map(JsonObject.class::cast)
                .filter(item -> item.getString("id").equals(key.id().toString()))
                .findFirst()
                .orElseThrow();
        assertFalse(listed.isNull("last_used_at"), listed.toString());
    }

    @Test
    void aKeyNeverHasMoreRightsThanItsCreatorHasNowAndLeavesWithThem() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person admin = tenant.add("admin");
        HttpResponse<String> created = create(tenant, admin.token(), creation("Admin's key", "admin"));
        assertEquals(201, created.statusCode(), created.body());
        String key = json(created).getString("key");
        assertEquals(
                200,
                api.patchJson(tenant.path(), key, "{\"name\": \"By admin key\"}")
                        .statusCode());

        // the creator demoted: the key acts as a member
        TestDatabase.update(
                "UPDATE memberships SET role = 'member' WHERE organization_id = ? AND user_id = ?",
                tenant.id,
                admin.id());
        assertProblem(api.patchJson(tenant.path(), key, "{\"name\": \"Again\"}"), 403, "/problems/insufficient-role");
        assertEquals("member", json(api.get(tenant.path(), key)).getString("role"));

        // the creator deactivated: refused; back on: works again
        TestDatabase.update("UPDATE users SET is_active = false WHERE id = ?", admin.id());
        assertProblem(api.get(tenant.path(), key), 401, "/problems/invalid-token");
        TestDatabase.update("UPDATE users SET is_active = true WHERE id = ?", admin.id());
        assertEquals(200, api.get(tenant.path(), key).statusCode());

        // the creator removed: the key goes with them
        assertEquals(
                204,
                api.delete(tenant.path() + "/members/" + admin.id(), tenant.owner.token())
                        .statusCode());
        assertProblem(api.get(tenant.path(), key), 401, "/problems/invalid-token");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM api_keys WHERE organization_id = ?", tenant.id));
    }

    @Test
    void deletingTheOrganizationOrTheCreatorsAccountTakesTheKeys() throws Exception {
        Tenant tenant = Tenant.create(api);
        String key = tenant.apiKey("admin").key();
        assertEquals(204, api.delete(tenant.path(), tenant.owner.token()).statusCode());
        assertProblem(api.get(tenant.path(), key), 401, "/problems/invalid-token");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM api_keys WHERE organization_id = ?", tenant.id));

        Tenant other = Tenant.create(api);
        Person admin = other.add("admin");
        assertEquals(
                201, create(other, admin.token(), creation("Leaving", "member")).statusCode());
        assertEquals(
                204,
                api.deleteJson("/users/me", admin.token(), "{\"current_password\": \"" + Tenant.PASSWORD + "\"}")
                        .statusCode());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM api_keys WHERE created_by = ?", admin.id()));
        assertEquals(
                List.of("api_key.created", "api_key.revoked", "member.removed", "organization.created"),
                TestDatabase.strings(
                        "SELECT DISTINCT action FROM audit_events WHERE organization_id = ? ORDER BY action",
                        other.id));
    }

    @Test
    void aKeyMadeWhileItsCreatorIsRemovedIsNotMade() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person admin = tenant.add("admin");
        try (Connection removal = TestDatabase.connect()) {
            removal.setAutoCommit(false);
            // what removing the member does: the organization locked, the membership gone
            try (PreparedStatement lock =
                            removal.prepareStatement("SELECT id FROM organizations WHERE id = ? FOR UPDATE");
                    PreparedStatement remove = removal.prepareStatement(
                            "DELETE FROM memberships WHERE organization_id = ? AND user_id = ?")) {
                lock.setObject(1, tenant.id);
                lock.executeQuery().close();
                remove.setObject(1, tenant.id);
                remove.setObject(2, admin.id());
                remove.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> creation =
                    CompletableFuture.supplyAsync(() -> create(tenant, admin.token(), creation("Racing", "member")));
            TestDatabase.awaitWaitersFor(removal);
            removal.commit();
            assertProblem(creation.get(30, TimeUnit.SECONDS), 404, "/problems/unknown-organization");
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM api_keys WHERE organization_id = ?", tenant.id));
    }

    @Test
    void swaggerUiCanAuthorizeWithAnApiKey() {
        JsonObject document = json(api.get("/openapi.json"));
        JsonObject scheme = document.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("apiKey");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
        String security = document.getJsonObject("paths")
                .getJsonObject("/orgs/{org_id}")
                .getJsonObject("get")
                .getJsonArray("security")
                .toString();
        assertTrue(security.contains("apiKey") && security.contains("oauth2"), security);
    }
}
