package dev.saasapi.platform.ratelimit.boundary;

import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.PrometheusText;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestSchema;
import dev.saasapi.platform.ratelimit.control.RateLimitsCommand;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limits on two instances sharing one database: a client's requests count against one
 * bucket whichever instance serves them, and the answer over the limit is a 429 that says when to
 * come back.
 */
class RateLimitIT {

    private static final String PASSWORD = "limits-Passw0rd";

    private TestSchema schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = TestSchema.create("limits");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
    }

    private String release(String subject) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema.name());
            return RateLimitsCommand.release(connection, subject);
        }
    }

    private static HttpResponse<String> registerFrom(Api api, String client) {
        return api.send(api.request("/auth/register")
                .header("Content-Type", Api.JSON)
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(Api.registration(Api.uniqueEmail(), PASSWORD))));
    }

    @Test
    void limitsPerAddressAreSharedByEveryInstance() throws Exception {
        Map<String, String> limits = Map.of(
                "TRUSTED_PROXIES", "127.0.0.1/32, ::1/128", // the tests' requests come as from a proxy
                "RATE_LIMIT_REGISTER_PER_IP", "4/1h",
                "RATE_LIMIT_LOGIN_PER_IP", "3/1h",
                "RATE_LIMIT_MAIL_PER_IP", "2/1h",
                "RATE_LIMIT_TOKEN_PER_IP", "2/1h",
                "RATE_LIMIT_MAIL_PER_EMAIL", "1/1h",
                "RATE_LIMIT_REFRESH_PER_IP", "0");
        CompletableFuture<PayaraProcess> starting = CompletableFuture.supplyAsync(() -> schema.start(limits));
        try (PayaraProcess one = schema.start(limits);
                PayaraProcess two = starting.join()) {
            List<Api> apis = List.of(new Api(one.url()), new Api(two.url()));
            String email = Api.uniqueEmail();

            // register: 4 an hour, alternating between the instances
            for (int i = 0; i < 4; i++) {
                assertEquals(
                        201,
                        apis.get(i % 2)
                                .register(i == 0 ? email : Api.uniqueEmail(), PASSWORD)
                                .statusCode());
            }
            HttpResponse<String> refused = apis.get(0).register(Api.uniqueEmail(), PASSWORD);
            assertProblem(refused, 429, "/problems/rate-limited");
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 900, "one more registration every 15 min: " + retryAfter);
            assertEquals(
                    "\"register\";q=4;w=3600",
                    refused.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertEquals(
                    "\"register\";r=0;t=" + retryAfter,
                    refused.headers().firstValue("RateLimit").orElseThrow());

            // login: 3 an hour, wrong passwords count too
            assertEquals(401, apis.get(0).login(email, "wr0ng-Passw0rd").statusCode());
            assertEquals(401, apis.get(1).login(email, "wr0ng-Passw0rd").statusCode());
            HttpResponse<String> last = apis.get(0).login(email, PASSWORD);
            assertEquals(200, last.statusCode(), last.body());
            assertProblem(apis.get(1).login(email, PASSWORD), 429, "/problems/rate-limited");
            String refresh = Api.json(last).getString("refresh_token");
            assertEquals(200, apis.get(1).refresh(refresh).statusCode(), "refreshing is another policy (off here)");

            // the operator's command releases the address on every instance
            String address = Api.jsonArray(
                            apis.get(0).get("/users/me/sessions", Api.json(last).getString("access_token")))
                    .getJsonObject(0)
                    .getString("ip_address");
            assertEquals("released address " + address + ": 2 rate-limit bucket(s) removed", release(address));
            assertEquals(200, apis.get(1).login(email, PASSWORD).statusCode(), "released: its logins count afresh");

            // mail requests and token uses: 2 an hour each
            String mailRequest = "{\"email\":\"" + email + "\"}";
            assertEquals(
                    202,
                    apis.get(0).postJson("/auth/password-reset", mailRequest).statusCode());
            assertEquals(
                    202,
                    apis.get(1)
                            .postJson("/auth/verify-email/resend", mailRequest)
                            .statusCode());
            assertProblem(apis.get(0).postJson("/auth/password-reset", mailRequest), 429, "/problems/rate-limited");
            PrometheusText silent = new PrometheusText(
                    apis.get(0).get("/metrics?scope=application").body());
            PrometheusText silentToo = new PrometheusText(
                    apis.get(1).get("/metrics?scope=application").body());
            assertEquals(
                    1,
                    silent.value("rate_limit_refusals_total", Map.of("policy", "mail-email"))
                            + silentToo.value("rate_limit_refusals_total", Map.of("policy", "mail-email")),
                    "the second request for one email, on the other instance, was dropped silently (202 above)");
            // invitations are mails too: the same per-address policy (each instance has its own signing key here)
            String access = Api.json(apis.get(1).login(email, PASSWORD)).getString("access_token");
            HttpResponse<String> created = apis.get(1).postJson("/orgs", access, "{\"name\":\"Limits\"}");
            assertEquals(201, created.statusCode(), created.body());
            String organization = Api.json(created).getString("id");
            String invitation = "{\"email\":\"invitee@example.com\",\"role\":\"member\"}";
            assertProblem(
                    apis.get(1).postJson("/orgs/" + organization + "/invitations", access, invitation),
                    429,
                    "/problems/rate-limited");
            assertEquals(
                    201,
                    apis.get(1)
                            .send(apis.get(1)
                                    .request("/orgs/" + organization + "/invitations")
                                    .header("Authorization", "Bearer " + access)
                                    .header("Content-Type", Api.JSON)
                                    .header("X-Forwarded-For", "198.51.100.9")
                                    .POST(HttpRequest.BodyPublishers.ofString(invitation)))
                            .statusCode(),
                    "another address");
            String token = "{\"token\":\"" + "A".repeat(43) + "\"}";
            assertProblem(apis.get(0).postJson("/auth/verify-email", token), 400, "/problems/invalid-email-token");
            assertProblem(apis.get(1).postJson("/auth/verify-email", token), 400, "/problems/invalid-email-token");
            assertProblem(apis.get(0).postJson("/auth/verify-email", token), 429, "/problems/rate-limited");

            // an IPv6 client is limited by its /64: a subscriber cannot pick a new address per request
            for (int i = 1; i <= 4; i++) {
                assertEquals(
                        201, registerFrom(apis.get(i % 2), "2001:db8:7:7::" + i).statusCode());
            }
            assertProblem(registerFrom(apis.get(0), "2001:db8:7:7:ffff:ffff:ffff:ffff"), 429, "/problems/rate-limited");
            assertEquals(201, registerFrom(apis.get(1), "2001:db8:7:8::1").statusCode(), "another /64");

            PrometheusText metrics = new PrometheusText(
                    apis.get(1).get("/metrics?scope=application").body());
            assertEquals(1, metrics.value("rate_limit_refusals_total", Map.of("policy", "login")));
            assertTrue(TestDatabase.count("SELECT count(*) FROM " + schema.name() + ".rate_limit_buckets") >= 4);
        }
    }
}
