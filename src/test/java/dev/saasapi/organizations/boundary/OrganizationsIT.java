package dev.saasapi.organizations.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.jsonArray;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.Tenant;
import dev.saasapi.it.Tenant.Person;
import dev.saasapi.it.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Organizations, members and the rules of the roles, over HTTP. */
class OrganizationsIT extends HttpIT {

    private static final String UNKNOWN_ORGANIZATION = "/problems/unknown-organization";
    private static final String INSUFFICIENT_ROLE = "/problems/insufficient-role";
    private static final String LAST_OWNER = "/problems/last-owner";

    private static String name(String name) {
        return Json.createObjectBuilder().add("name", name).build().toString();
    }

    private static String role(String role) {
        return Json.createObjectBuilder().add("role", role).build().toString();
    }

    @Test
    void theCreatorIsTheFirstOwnerAndTheSlugIsMadeFromTheName() throws Exception {
        Person creator = Tenant.person(api);

        HttpResponse<String> created = api.postJson("/orgs", creator.token(), name("  Ärger & Söhne GmbH  "));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = json(created);
        assertEquals("Ärger & Söhne GmbH", body.getString("name"));
        assertTrue(body.getString("slug").matches("arger-sohne-gmbh(-\\d+)?"), body.getString("slug"));
        assertEquals("owner", body.getString("role"));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/orgs/" + body.getString("id")));
        HttpResponse<String> read = api.get("/orgs/" + body.getString("id"), creator.token());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(body, json(read));
        assertEquals(
                "owner",
                TestDatabase.queryString(
                                "SELECT role FROM memberships WHERE organization_id = ? AND user_id = ?",
                                UUID.fromString(body.getString("id")),
                                creator.id())
                        .orElseThrow());
    }

    @Test
    void aDerivedSlugThatIsTakenGetsANumberAndAGivenOneIsRefused() throws Exception {
        Person person = Tenant.person(api);
        String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);

        JsonObject first = json(api.postJson("/orgs", person.token(), name(name)));
        JsonObject second = json(api.postJson("/orgs", person.token(), name(name)));
        HttpResponse<String> given = api.postJson(
                "/orgs",
                person.token(),
                Json.createObjectBuilder()
                        .add("name", "Other")
                        .add("slug", first.getString("slug"))
                        .build()
                        .toString());

        assertEquals(first.getString("slug") + "-2", second.getString("slug"));
        assertProblem(given, 409, "/problems/slug-taken");
    }

    @Test
    void refusesNamesAndSlugsOutsideTheirForms() {
        Person person = Tenant.person(api);
        for (String body : List.of(
                "{}",
                "{\"name\": \"   \"}",
                "{\"name\": \"" + "x".repeat(101) + "\"}",
                "{\"name\": \"Bell\\u0007\"}",
                "{\"name\": \"Acme\", \"slug\": \"Acme\"}",
                "{\"name\": \"Acme\", \"slug\": \"ac\"}",
                "{\"name\": \"Acme\", \"slug\": \"" + "a".repeat(41) + "\"}",
                "{\"name\": \"Acme\", \"slug\": \"ac me\"}")) {
            assertProblem(api.postJson("/orgs", person.token(), body), 422, "/problems/validation");
        }
        assertProblem(api.postJson("/orgs", person.token(), "{\"name\": 5}"), 400, "/problems/malformed-body");
    }

    @Test
    void listsTheCallersOrganizationsByNameInPagesWithLinksAndATotal() throws Exception {
        Person person = Tenant.person(api);
        for (String name : List.of("Charlie", "alpha", "Bravo")) {
            assertEquals(201, api.postJson("/orgs", person.token(), name(name)).statusCode());
        }
        Tenant.create(api); // someone else's

        HttpResponse<String> first = api.get("/orgs?per_page=2", person.token());
        HttpResponse<String> second = api.get("/orgs?per_page=2&page=2", person.token());
        HttpResponse<String> beyond = api.get("/orgs?per_page=2&page=9", person.token());

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(List.of("alpha", "Bravo"), names(jsonArray(first)));
        assertEquals(List.of("Charlie"), names(jsonArray(second)));
        assertEquals(List.of(), names(jsonArray(beyond)));
        for (HttpResponse<String> page : List.of(first, second, beyond)) {
            assertEquals("3", page.headers().firstValue("X-Total-Count").orElseThrow());
        }
        assertEquals(
                "</orgs?page=1&per_page=2>; rel=\"first\", </orgs?page=2&per_page=2>; rel=\"next\","
                        + " </orgs?page=2&per_page=2>; rel=\"last\"",
                first.headers().firstValue("Link").orElseThrow());
        assertEquals(
                "</orgs?page=1&per_page=2>; rel=\"first\", </orgs?page=1&per_page=2>; rel=\"prev\","
                        + " </orgs?page=2&per_page=2>; rel=\"last\"",
                second.headers().firstValue("Link").orElseThrow());
        assertTrue(
                beyond.headers().firstValue("Link").orElseThrow().contains("</orgs?page=2&per_page=2>; rel=\"prev\""));
        assertEquals("owner", jsonArray(first).getJsonObject(0).getString("role"));
    }

    @Test
    void refusesPagesOutsideTheirRangeNamingTheParameter() {
        Person person = Tenant.person(api);
        for (String query : List.of("page=0", "page=abc", "per_page=0", "per_page=101", "page=99999999999", "page=")) {
            JsonObject problem = assertProblem(api.get("/orgs?" + query, person.token()), 422, "/problems/validation");
            String parameter = query.substring(0, query.indexOf('='));
            assertEquals(
                    parameter, problem.getJsonArray("errors").getJsonObject(0).getString("field"), query);
        }
        assertEquals(200, api.get("/orgs?per_page=100&page=1", person.token()).statusCode());
    }

    @Test
    void toANonMemberAnOrganizationIsExactlyAnIdThatNeverExisted() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person stranger = Tenant.person(api);
        String never = "/orgs/" + UUID.randomUUID();

        for (String suffix : List.of("", "/members", "/members?page=2")) {
            HttpResponse<String> existing = api.get(tenant.path() + suffix, stranger.token());
            HttpResponse<String> missing = api.get(never + suffix, stranger.token());
            JsonObject a = assertProblem(existing, 404, UNKNOWN_ORGANIZATION);
            JsonObject b = assertProblem(missing, 404, UNKNOWN_ORGANIZATION);
            assertEquals(a.getString("detail"), b.getString("detail"));
            assertEquals(a.keySet(), b.keySet());
        }
        assertProblem(api.patchJson(tenant.path(), stranger.token(), name("Mine")), 404, UNKNOWN_ORGANIZATION);
        assertProblem(api.delete(tenant.path(), stranger.token()), 404, UNKNOWN_ORGANIZATION);
        assertProblem(
                api.delete(tenant.path() + "/members/" + tenant.owner.id(), stranger.token()),
                404,
                UNKNOWN_ORGANIZATION);
        assertProblem(
                api.patchJson(tenant.path() + "/members/" + stranger.id(), stranger.token(), role("owner")),
                404,
                UNKNOWN_ORGANIZATION);
        assertProblem(api.get("/orgs/not-a-uuid", stranger.token()), 404, UNKNOWN_ORGANIZATION);
        assertEquals(
                "Tenant " + tenant.owner.id(),
                TestDatabase.queryString("SELECT name FROM organizations WHERE id = ?", tenant.id)
                        .orElseThrow());
    }

    @Test
    void aMemberOfAnotherOrganizationIsNotAMemberHere() throws Exception {
        Tenant a = Tenant.create(api);
        Tenant b = Tenant.create(api);
        Person memberOfB = b.add("member");

        assertProblem(
                api.patchJson(a.path() + "/members/" + memberOfB.id(), a.owner.token(), role("admin")),
                404,
                "/problems/unknown-member");
        assertProblem(
                api.delete(a.path() + "/members/" + memberOfB.id(), a.owner.token()), 404, "/problems/unknown-member");
        assertProblem(api.delete(a.path() + "/members/junk", a.owner.token()), 404, "/problems/unknown-member");
        assertEquals("member", b.role(memberOfB.id()));
    }

    @Test
    void membersReadAdminsRenameOwnersDelete() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person member = tenant.add("member");
        Person admin = tenant.add("admin");

        HttpResponse<String> members = api.get(tenant.path() + "/members", member.token());
        assertEquals(200, members.statusCode(), members.body());
        JsonArray list = jsonArray(members);
        assertEquals(3, list.size());
        assertEquals(tenant.owner.id().toString(), list.getJsonObject(0).getString("user_id"));
        assertEquals(tenant.owner.email(), list.getJsonObject(0).getString("email"));
        assertEquals("owner", list.getJsonObject(0).getString("role"));
        assertTrue(list.getJsonObject(0).containsKey("joined_at"));
        assertEquals("member", json(api.get(tenant.path(), member.token())).getString("role"));

        assertProblem(api.patchJson(tenant.path(), member.token(), name("Nope")), 403, INSUFFICIENT_ROLE);
        String slug = "renamed-" + tenant.id.toString().substring(0, 8);
        HttpResponse<String> renamed =
                api.patchJson(tenant.path(), admin.token(), "{\"name\": \"Renamed\", \"slug\": \"" + slug + "\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Renamed", json(renamed).getString("name"));
        assertEquals(slug, json(renamed).getString("slug"));
        assertEquals("admin", json(renamed).getString("role"));

        assertProblem(api.delete(tenant.path(), admin.token()), 403, INSUFFICIENT_ROLE);
        assertEquals(204, api.delete(tenant.path(), tenant.owner.token()).statusCode());
        assertProblem(api.get(tenant.path(), member.token()), 404, UNKNOWN_ORGANIZATION);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM memberships WHERE organization_id = ?", tenant.id));
    }

    @Test
    void adminsManageMembersButNeverTheOwnerRole() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person admin = tenant.add("admin");
        Person member = tenant.add("member");
        String memberPath = tenant.path() + "/members/" + member.id();

        HttpResponse<String> promoted = api.patchJson(memberPath, admin.token(), role("admin"));
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals("admin", json(promoted).getString("role"));
        assertEquals(member.email(), json(promoted).getString("email"));

        assertProblem(api.patchJson(memberPath, admin.token(), role("owner")), 403, INSUFFICIENT_ROLE);
        assertProblem(
                api.patchJson(tenant.path() + "/members/" + tenant.owner.id(), admin.token(), role("member")),
                403,
                INSUFFICIENT_ROLE);
        assertProblem(
                api.delete(tenant.path() + "/members/" + tenant.owner.id(), admin.token()), 403, INSUFFICIENT_ROLE);
        assertProblem(
                api.patchJson(tenant.path() + "/members/" + admin.id(), admin.token(), role("owner")),
                403,
                INSUFFICIENT_ROLE);
        assertProblem(api.patchJson(memberPath, admin.token(), role("boss")), 422, "/problems/validation");
        assertEquals("owner", tenant.role(tenant.owner.id()));

        assertEquals(204, api.delete(memberPath, admin.token()).statusCode());
        assertNull(tenant.role(member.id()));
    }

    @Test
    void membersLeaveButRemoveNobodyElse() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person member = tenant.add("member");
        Person other = tenant.add("member");

        assertProblem(api.delete(tenant.path() + "/members/" + other.id(), member.token()), 403, INSUFFICIENT_ROLE);
        assertProblem(
                api.patchJson(tenant.path() + "/members/" + other.id(), member.token(), role("admin")),
                403,
                INSUFFICIENT_ROLE);
        assertEquals(
                204,
                api.delete(tenant.path() + "/members/" + member.id(), member.token())
                        .statusCode());
        assertNull(tenant.role(member.id()));
        assertEquals("member", tenant.role(other.id()));
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorBeDemotedUntilAnotherMemberOwns() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person member = tenant.add("member");
        String ownerPath = tenant.path() + "/members/" + tenant.owner.id();

        assertProblem(api.delete(ownerPath, tenant.owner.token()), 409, LAST_OWNER);
        assertProblem(api.patchJson(ownerPath, tenant.owner.token(), role("admin")), 409, LAST_OWNER);

        assertEquals(
                200,
                api.patchJson(tenant.path() + "/members/" + member.id(), tenant.owner.token(), role("owner"))
                        .statusCode());
        assertEquals(
                200,
                api.patchJson(ownerPath, tenant.owner.token(), role("member")).statusCode());
        assertEquals("member", tenant.role(tenant.owner.id()));
        assertProblem(api.delete(tenant.path() + "/members/" + member.id(), member.token()), 409, LAST_OWNER);
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Tenant tenant = Tenant.create(api);
            Person second = tenant.add("owner");
            List<Callable<Integer>> demotions = List.of(
                    () -> api.patchJson(tenant.path() + "/members/" + second.id(), tenant.owner.token(), role("member"))
                            .statusCode(),
                    () -> api.patchJson(tenant.path() + "/members/" + tenant.owner.id(), second.token(), role("member"))
                            .statusCode());

            List<Integer> statuses = Concurrently.run(demotions);

            assertEquals(
                    1,
                    TestDatabase.count(
                            "SELECT count(*) FROM memberships WHERE organization_id = ? AND role = 'owner'", tenant.id),
                    statuses.toString());
            assertTrue(statuses.contains(200), statuses.toString());
        }
    }

    @Test
    void theLastOwnerOfAnOrganizationCannotDeleteTheAccountUntilOwnershipMoves() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person member = tenant.add("member");
        String deletion = Json.createObjectBuilder()
                .add("current_password", Tenant.PASSWORD)
                .build()
                .toString();

        assertProblem(api.deleteJson("/users/me", tenant.owner.token(), deletion), 409, LAST_OWNER);
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE id = ?", tenant.owner.id()));

        api.patchJson(tenant.path() + "/members/" + member.id(), tenant.owner.token(), role("owner"));
        assertEquals(
                204, api.deleteJson("/users/me", tenant.owner.token(), deletion).statusCode());
        assertNull(tenant.role(tenant.owner.id()));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM memberships WHERE organization_id = ?", tenant.id));
    }

    private static List<String> names(JsonArray organizations) {
        return organizations.stream()
                .map(JsonObject.class::cast)
                .map(o -> o.getString("name"))
                .toList();
    }
}
