package dev.saasapi.admin.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.jsonArray;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.it.TestMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The platform admin from ADMIN_EMAILS, and the list of every account. */
class AdminUsersIT extends HttpIT {

    private static final String PASSWORD = "admin-Passw0rd-1";

    private final TestMail mail = TestMail.suite();

    private void verify(String email) {
        String link =
                TestMail.link(mail.awaitOne(email, "Confirm"), TestMail.SUITE_PUBLIC_URL, "/account/verify-email");
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
        // the suite's database may be kept from an earlier run
        TestDatabase.update("DELETE FROM users WHERE lower(email) = ?", TestEnvironment.ADMIN_EMAIL);
        String unverified = api.registeredToken(TestEnvironment.ADMIN_EMAIL, PASSWORD);
        assertEquals(List.of("user"), groups(unverified), "a listed but unverified email is no admin");
        assertProblem(api.get("/admin/users", unverified), 403, "about:blank");

        verify(TestEnvironment.ADMIN_EMAIL);
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

    private static List<String> emails(HttpResponse<String> response) {
        return jsonArray(response).stream()
                .map(JsonObject.class::cast)
                .map(u -> u.getString("email"))
                .toList();
    }
}
