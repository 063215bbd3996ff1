package dev.saasapi.delivery;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.OwnSchemaAndMail;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances in cluster mode (Payara's data grid, explicit TCP/IP members on loopback) on one
 * database behave as one: a revocation on one is refused by the other on the very next request, even
 * while that one holds the account in its cache (which expires only after 10 minutes here); rate limits,
 * mail and migrations are shared; and when one instance dies, the other goes on serving.
 */
class ClusterIT {

    private static final String PASSWORD = "cluster-Passw0rd-1";
    private static final String INVALID_TOKEN = "/problems/invalid-token";

    @RegisterExtension
    final OwnSchemaAndMail own = new OwnSchemaAndMail("cluster");

    @Test
    void twoInstancesBehaveAsOne() throws Exception {
        String admin = Api.uniqueEmail();
        Map<String, String> settings = new HashMap<>(own.smtp().settings("https://cluster.saas-api.test"));
        settings.putAll(Map.of(
                "JWT_PRIVATE_KEY",
                System.getProperty(TestEnvironment.PRIVATE_KEY_PROPERTY),
                "ADMIN_EMAILS",
                admin,
                "CACHE_EXPIRY_SECONDS",
                "600",
                "RATE_LIMIT_REFRESH_PER_IP",
                "2/1h"));
        int portA = gridPort(0);
        int portB = gridPort(portA);
        String members = "tcpip:127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        String cluster = "saas-api-it-" + UUID.randomUUID();
        // one after the other: two members joining each other at the same moment on a loaded machine can
        // wait for each other for minutes (seen once in CI); concurrent migrations are MigrationSafetyIT's
        try (PayaraProcess a = own.schema().start(settings, grid(), member(members, cluster, portA));
                PayaraProcess b = own.schema().start(settings, grid(), member(members, cluster, portB))) {
            assertTrue(
                    (a.log() + b.log()).contains("Data Grid Instance Added"),
                    "one joined the other's cluster:\n" + a.log() + "\n" + b.log());
            try {
                behaveAsOne(a, b, admin);
            } catch (AssertionError e) {
                throw new AssertionError(
                        e.getMessage() + "\n--- warnings of A:\n" + warnings(a) + "\n--- of B:\n" + warnings(b), e);
            }
        }
    }

    private static String warnings(PayaraProcess payara) throws java.io.IOException {
        return String.join(
                "\n",
                payara.log()
                        .lines()
                        .filter(line -> line.contains("WARNING") || line.contains("SEVERE"))
                        .toList());
    }

    private void behaveAsOne(PayaraProcess a, PayaraProcess b, String admin) throws Exception {
        Api onA = new Api(a.url());
        Api onB = new Api(b.url());

        // migrations: applied by the first member, none again by the second
        assertEquals(
                0,
                TestDatabase.count(
                        "SELECT count(*) FROM (SELECT id FROM " + own.schema().name()
                                + ".databasechangelog GROUP BY id, author, filename HAVING count(*) > 1) twice"));

        String email = Api.uniqueEmail();
        assertEquals(201, onA.register(email, PASSWORD).statusCode());

        // logging out everywhere, on either instance, while the other holds the account in its cache
        for (int round = 0; round < 10; round++) {
            Api here = round % 2 == 0 ? onA : onB;
            Api there = round % 2 == 0 ? onB : onA;
            String token = json(here.login(email, PASSWORD)).getString("access_token");
            assertEquals(200, there.get("/users/me", token).statusCode());
            assertEquals(204, here.post("/auth/logout?scope=all", token).statusCode());
            assertProblem(there.get("/users/me", token), 401, INVALID_TOKEN);
        }

        // a password change on A refuses B's tokens at once
        String onBToken = json(onB.login(email, PASSWORD)).getString("access_token");
        String onAToken = json(onA.login(email, PASSWORD)).getString("access_token");
        assertEquals(200, onB.get("/users/me", onBToken).statusCode());
        HttpResponse<String> changed = onA.postJson(
                "/users/me/password",
                onAToken,
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + PASSWORD + "-2\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertProblem(onB.get("/users/me", onBToken), 401, INVALID_TOKEN);

        // a deactivation by the platform admin on A refuses the account on B at once
        assertEquals(201, onA.register(admin, PASSWORD).statusCode());
        TestDatabase.update(
                "UPDATE " + own.schema().name() + ".users SET email_verified = true WHERE email = ?", admin);
        String adminToken = json(onA.login(admin, PASSWORD)).getString("access_token");
        JsonObject session = json(onB.login(email, PASSWORD + "-2"));
        String token = session.getString("access_token");
        String id = json(onB.get("/users/me", token)).getString("id");
        assertEquals(
                200,
                onA.patchJson("/admin/users/" + id, adminToken, "{\"is_active\":false}")
                        .statusCode());
        assertProblem(onB.get("/users/me", token), 401, INVALID_TOKEN);

        // rate limits: 2 refreshes an hour from one address, whichever instance serves them
        JsonObject adminSession = json(onB.login(admin, PASSWORD));
        String refreshed =
                json(onA.refresh(adminSession.getString("refresh_token"))).getString("refresh_token");
        String again = json(onB.refresh(refreshed)).getString("refresh_token");
        assertProblem(onA.refresh(again), 429, "/problems/rate-limited");

        // mail: each queued mail sent by one instance only, though both work off the outbox
        own.smtp().await(email, 2, Duration.ofSeconds(20));
        Thread.sleep(6_000); // more than one poll of the outbox on each instance
        assertEquals(
                List.of("Confirm your email address", "Your password was changed"),
                own.smtp().subjects(email).stream().sorted().toList(),
                "the verification mail (queued on A) and the password notice (on A), each once");

        // one instance dies: the other serves, and its changes do not wait for the dead one
        a.kill();
        String survivor = json(onB.login(admin, PASSWORD)).getString("access_token");
        long start = System.nanoTime();
        assertEquals(204, onB.post("/auth/logout?scope=all", survivor).statusCode());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "logout-everywhere on B took " + took);
        assertProblem(onB.get("/users/me", survivor), 401, INVALID_TOKEN);
        assertEquals(200, onB.get("/health/ready").statusCode());
    }

    /**
     * A free port for a member's data grid, below the ephemeral range the HTTP ports come from: a
     * member listed at a port that an HTTP listener took later would be waited for, silently, for minutes.
     */
    private static int gridPort(int other) throws java.io.IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + random.nextInt(10_000);
            if (port == other) {
                continue;
            }
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (java.io.IOException taken) {
                // another one
            }
        }
        throw new java.io.IOException("no free port from 20000 to 29999");
    }

    /** Hazelcast listens on loopback only (it binds every interface otherwise). */
    private static String grid() {
        return "-Dhazelcast.socket.bind.any=false";
    }

    private static List<String> member(String members, String cluster, int port) {
        return List.of(
                "--clustermode",
                members,
                "--clustername",
                cluster,
                "--interfaces",
                "127.0.0.1",
                "--startport",
                String.valueOf(port));
    }
}
