package dev.saasapi.platform.mail.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.OwnSchemaAndMail;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.PrometheusText;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestMail;
import dev.saasapi.it.TestSchema;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox across processes: real Payara instances on a schema of their own, sending to an SMTP
 * server of this class that can be taken down. Mail survives an SMTP outage and a restart, and two
 * instances on one database send each mail once.
 */
class MailDeliveryIT {

    private static final String PASSWORD = "outbox-Passw0rd";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @RegisterExtension
    final OwnSchemaAndMail own = new OwnSchemaAndMail("mail");

    /**
     * The second server also requires a verified email ({@code REQUIRE_EMAIL_VERIFICATION}, which needs
     * mail, and so a server of its own): the link that arrives late is what unlocks the login.
     */
    @Test
    void mailQueuedWhileSmtpIsDownArrivesOnceItIsBackEvenAfterARestart() throws Exception {
        own.smtp().down();
        String email = Api.uniqueEmail();
        try (PayaraProcess first = startApp()) {
            Api api = new Api(first.url());
            assertEquals(201, api.register(email, PASSWORD).statusCode(), "an SMTP outage fails no request");
            waitFor(() -> count("SELECT count(*) FROM " + own.schema().name()
                            + ".mail_outbox WHERE attempts > 0 AND sent_at IS NULL")
                    == 1);
            assertEquals(200, api.get("/health/ready").statusCode(), "nor makes the instance unready");
            PrometheusText metrics =
                    new PrometheusText(api.get("/metrics?scope=application").body());
            assertTrue(metrics.value("mail_delivery_errors_total", Map.of()) >= 1);
            assertTrue(first.log().contains("Could not send 1 mail"), first.log());
            assertTrue(!first.log().contains(PASSWORD));
        }
        assertEquals(List.of(), own.smtp().to(email));

        own.smtp().up();
        try (PayaraProcess second = startApp()) {
            MimeMessage mail = own.smtp().awaitOne(email, "Confirm your email address");
            assertTrue(TestMail.text(mail).contains("/account/verify-email#token="));
            waitFor(() -> count("SELECT count(*) FROM " + own.schema().name() + ".mail_outbox WHERE sent_at IS NOT NULL"
                            + " AND body_text IS NULL")
                    == 1);
            PrometheusText metrics = new PrometheusText(
                    new Api(second.url()).get("/metrics?scope=application").body());
            assertEquals(1, metrics.value("mail_sent_total", Map.of()));
        }
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachMailOnce() throws Exception {
        CompletableFuture<PayaraProcess> starting = CompletableFuture.supplyAsync(this::startApp);
        try (PayaraProcess one = startApp();
                PayaraProcess two = starting.join()) {
            // a client's first requests (the API document among them) leave the polls working
            for (PayaraProcess instance : List.of(one, two)) {
                assertEquals(200, new Api(instance.url()).get("/openapi.json").statusCode());
            }
            Thread.sleep(3 * MailDeliverySchedule.POLL_SECONDS * 1000);
            for (PayaraProcess instance : List.of(one, two)) {
                assertFalse(instance.log().contains("Could not work off the mail outbox"), instance.log());
            }
            // queued by neither: both instances' polls compete for these
            TestSchema.execute("INSERT INTO " + own.schema().name()
                    + ".mail_outbox (id, recipient, subject, body_text, created_at,"
                    + " next_attempt_at, attempts) SELECT gen_random_uuid(), 'bulk-' || g || '-"
                    + own.schema().name()
                    + "@example.com', 'Bulk ' || g, 'Hello', now(), now(), 0 FROM generate_series(1, 60) g");
            // queued by each, delivered at once after each commit, while the other polls
            List<String> registered = new ArrayList<>();
            List<Callable<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String email = Api.uniqueEmail();
                registered.add(email);
                Api api = new Api((i % 2 == 0 ? one : two).url());
                registrations.add(() -> api.register(email, PASSWORD).statusCode());
            }
            assertEquals(
                    List.of(201),
                    Concurrently.run(registrations).stream().distinct().toList());

            for (String email : registered) {
                own.smtp().await(email, 1, DELIVERY);
            }
            for (int g = 1; g <= 60; g++) {
                own.smtp().await("bulk-" + g + "-" + own.schema().name() + "@example.com", 1, DELIVERY);
            }
            Thread.sleep(6000); // longer than a poll: a second copy would have arrived
            Set<String> messageIds = new HashSet<>();
            for (String email : registered) {
                assertEquals(1, own.smtp().to(email).size(), email);
                messageIds.add(own.smtp().to(email).get(0).getMessageID());
            }
            for (int g = 1; g <= 60; g++) {
                List<MimeMessage> bulk =
                        own.smtp().to("bulk-" + g + "-" + own.schema().name() + "@example.com");
                assertEquals(1, bulk.size(), "bulk mail " + g);
                messageIds.add(bulk.get(0).getMessageID());
            }
            assertEquals(84, messageIds.size());
            assertEquals(
                    84,
                    count("SELECT count(*) FROM " + own.schema().name() + ".mail_outbox WHERE sent_at IS NOT NULL"));
        }
    }

    private PayaraProcess startApp() {
        return startApp(Map.of());
    }

    private PayaraProcess startApp(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(own.smtp().settings("http://localhost:8000"));
        environment.put("PASSWORD_HASH_CONCURRENCY", "16"); // bursts of registrations, not the overload test
        environment.putAll(settings);
        return own.schema().start(environment);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DELIVERY);
            }
            Thread.sleep(200);
        }
    }

    private static long count(String sql) throws SQLException {
        return TestDatabase.count(sql);
    }
}
