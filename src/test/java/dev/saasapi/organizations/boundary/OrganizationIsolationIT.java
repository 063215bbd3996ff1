package dev.saasapi.organizations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.Tenant;
import dev.saasapi.it.Tenant.Person;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation under {@code /orgs/{org_id}} that the OpenAPI document describes, called as a
 * non-member, a member, an admin and an owner, and with another organization's ids. The expected
 * answers are the table below: an operation added without a row fails the test.
 */
class OrganizationIsolationIT extends HttpIT {

    /**
     * Who calls. {@code OTHER_ORGANIZATION}: another organization's owner at this organization's path
     * or, where the path names a member, this organization's owner naming the other one's member.
     */
    enum Caller {
        NON_MEMBER,
        MEMBER,
        ADMIN,
        OWNER,
        OTHER_ORGANIZATION,
        /** This organization's API keys, with the role {@code member} and {@code admin}. */
        KEY_MEMBER,
        KEY_ADMIN,
        /** An admin key of another organization, at this organization's path. */
        KEY_OTHER_ORGANIZATION
    }

    /** The body of each operation that takes one. */
    private static final Map<String, String> BODIES = Map.of(
            "PATCH /orgs/{org_id}", "{\"name\": \"Renamed\"}",
            "PATCH /orgs/{org_id}/members/{user_id}", "{\"role\": \"admin\"}",
            "POST /orgs/{org_id}/invitations", "{\"email\": \"invitee@example.com\", \"role\": \"member\"}",
            "POST /orgs/{org_id}/api-keys", "{\"name\": \"CI\", \"role\": \"member\"}");

    /**
     * The expected status per caller, in the order of {@link Caller}. A {@code {user_id}} is a plain
     * member of the organization in the path, an {@code {id}} one of its invitations (for
     * OTHER_ORGANIZATION: of the other one).
     */
    private static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /orgs/{org_id}", List.of(404, 200, 200, 200, 404, 200, 200, 404));
        EXPECTED.put("PATCH /orgs/{org_id}", List.of(404, 403, 200, 200, 404, 403, 200, 404));
        EXPECTED.put("DELETE /orgs/{org_id}", List.of(404, 403, 403, 204, 404, 403, 403, 404));
        EXPECTED.put("GET /orgs/{org_id}/members", List.of(404, 200, 200, 200, 404, 200, 200, 404));
        EXPECTED.put("PATCH /orgs/{org_id}/members/{user_id}", List.of(404, 403, 200, 200, 404, 403, 200, 404));
        EXPECTED.put("DELETE /orgs/{org_id}/members/{user_id}", List.of(404, 403, 204, 204, 404, 403, 204, 404));
        EXPECTED.put("POST /orgs/{org_id}/invitations", List.of(404, 403, 201, 201, 404, 403, 201, 404));
        EXPECTED.put("GET /orgs/{org_id}/invitations", List.of(404, 403, 200, 200, 404, 403, 200, 404));
        EXPECTED.put("DELETE /orgs/{org_id}/invitations/{id}", List.of(404, 403, 204, 204, 404, 403, 204, 404));
        // keys are managed by people only: a key gets 403 there, whatever organization it names
        EXPECTED.put("POST /orgs/{org_id}/api-keys", List.of(404, 403, 201, 201, 404, 403, 403, 403));
        EXPECTED.put("GET /orgs/{org_id}/api-keys", List.of(404, 403, 200, 200, 404, 403, 403, 403));
        EXPECTED.put("DELETE /orgs/{org_id}/api-keys/{id}", List.of(404, 403, 204, 204, 404, 403, 403, 403));
        EXPECTED.put("GET /orgs/{org_id}/audit-events", List.of(404, 403, 200, 200, 404, 403, 200, 404));
    }

    @Test
    void everyOperationUnderAnOrganizationAnswersEachCallerAsTheTableSays() throws Exception {
        assertEquals(
                new TreeSet<>(EXPECTED.keySet()), documentedOperations(), "every operation needs a row in EXPECTED");

        Tenant other = Tenant.create(api);
        Person stranger = Tenant.person(api);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> row : EXPECTED.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String template = row.getKey().substring(method.length() + 1);
            for (Caller caller : Caller.values()) {
                Tenant tenant = Tenant.create(api);
                Person who = switch (caller) {
                    case NON_MEMBER -> stranger;
                    case MEMBER -> tenant.add("member");
                    case ADMIN -> tenant.add("admin");
                    case OWNER -> tenant.owner;
                    case OTHER_ORGANIZATION -> other.owner;
                    case KEY_MEMBER -> tenant.apiKeyCaller("member");
                    case KEY_ADMIN -> tenant.apiKeyCaller("admin");
                    case KEY_OTHER_ORGANIZATION -> other.apiKeyCaller("admin");
                };
                String path = template.replace("{org_id}", tenant.id.toString());
                if (template.contains("{user_id}")) {
                    // another organization's member under this organization's path, asked by its owner
                    Tenant holder = caller == Caller.OTHER_ORGANIZATION ? other : tenant;
                    path = path.replace("{user_id}", holder.add("member").id().toString());
                    who = caller == Caller.OTHER_ORGANIZATION ? tenant.owner : who;
                }
                if (template.contains("/invitations/{id}")) {
                    Tenant holder = caller == Caller.OTHER_ORGANIZATION ? other : tenant;
                    path = path.replace("{id}", holder.invite("someone@example.com", "member"));
                    who = caller == Caller.OTHER_ORGANIZATION ? tenant.owner : who;
                }
                if (template.contains("/api-keys/{id}")) {
                    Tenant holder = caller == Caller.OTHER_ORGANIZATION ? other : tenant;
                    path = path.replace("{id}", holder.apiKey("member").id().toString());
                    who = caller == Caller.OTHER_ORGANIZATION ? tenant.owner : who;
                }
                int expected = row.getValue().get(caller.ordinal());
                HttpResponse<String> answer = send(method, path, who.token(), BODIES.get(row.getKey()));
                if (answer.statusCode() != expected) {
                    wrong.add(row.getKey() + " as " + caller + ": " + answer.statusCode() + " instead of " + expected
                            + " " + answer.body());
                }
                if (expected == 404) {
                    assertTrue(answer.body().contains("/problems/unknown-"), answer.body());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = api.request(path).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", Api.JSON).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return api.send(request);
    }

    /** "METHOD /path" of every operation under /orgs/{org_id} in the served OpenAPI document. */
    private Set<String> documentedOperations() {
        JsonObject paths = Api.json(api.get("/openapi.json")).getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.keySet()) {
            if (path.startsWith("/orgs/{org_id}")) {
                for (String key : paths.getJsonObject(path).keySet()) {
                    if (Set.of("get", "put", "post", "patch", "delete").contains(key)) {
                        operations.add(key.toUpperCase(Locale.ROOT) + " " + path);
                    }
                }
            }
        }
        return operations;
    }
}
