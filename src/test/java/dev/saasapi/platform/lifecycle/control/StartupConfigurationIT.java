package dev.saasapi.platform.lifecycle.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestEnvironment;
import dev.saasapi.platform.config.control.StartupFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Bad configuration stops the application at start-up with one line naming the variable, and never
 * its secret. Each case boots the packaged WAR in a Payara Micro process of its own.
 */
class StartupConfigurationIT {

    private static final String SECRET = "hunter2secret";

    @Test
    void refusesHs256WithAnExplanation() throws Exception {
        try (PayaraProcess payara = PayaraProcess.start(Map.of(
                "DATABASE_URL", System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY), "JWT_ALGORITHM", "HS256"))) {
            assertEquals(1, payara.logLines("Cannot start saas-api: JWT_ALGORITHM=HS256 is not supported"));
            assertTrue(payara.log().contains("RS256") && payara.log().contains("JWT_PRIVATE_KEY"));
            assertNotServing(payara);
        }
    }

    @Test
    void refusesAMalformedDatabaseUrlWithoutPrintingThePassword() throws Exception {
        try (PayaraProcess payara =
                PayaraProcess.start(Map.of("DATABASE_URL", "mysql://app:" + SECRET + "@localhost:3306/saas"))) {
            assertEquals(1, payara.logLines("Cannot start saas-api: DATABASE_URL has an unsupported scheme"));
            assertFalse(payara.log().contains(SECRET), "the password must never be logged");
            assertNotServing(payara);
        }
    }

    @Test
    void theWarOnItsOwnNeedsADatabaseUrl() throws Exception {
        try (PayaraProcess payara = PayaraProcess.start(Map.of())) {
            assertEquals(1, payara.logLines("Cannot start saas-api: DATABASE_URL is not set"), payara.log());
            assertNotServing(payara);
        }
    }

    @Test
    void refusesAnUnusableSigningKeyWithoutPrintingIt() throws Exception {
        try (PayaraProcess payara = PayaraProcess.start(Map.of(
                "DATABASE_URL",
                System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                "JWT_PRIVATE_KEY",
                "-----BEGIN PRIVATE KEY-----\n" + SECRET + "\n-----END PRIVATE KEY-----"))) {
            assertEquals(1, payara.logLines("Cannot start saas-api: JWT_PRIVATE_KEY"), payara.log());
            assertFalse(payara.log().contains(SECRET), "the key must never be logged");
            assertNotServing(payara);
        }
    }

    @Test
    void mailNeedsASenderAndNeverPrintsTheSmtpPassword() throws Exception {
        try (PayaraProcess payara = PayaraProcess.start(Map.of(
                "DATABASE_URL", System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                "SMTP_HOST", "smtp.example.com",
                "SMTP_USERNAME", "apikey",
                "SMTP_PASSWORD", SECRET,
                "PUBLIC_URL", "https://app.example.com"))) {
            assertEquals(
                    1, payara.logLines("Cannot start saas-api: MAIL_FROM must be set when SMTP_HOST is"), payara.log());
            assertFalse(payara.log().contains(SECRET), "the SMTP password must never be logged");
            assertNotServing(payara);
        }
    }

    @Test
    void givesUpOnAnUnreachableDatabaseAfterTheConfiguredWait() throws Exception {
        int closed = PayaraProcess.freePort();
        try (PayaraProcess payara = PayaraProcess.start(Map.of(
                "DATABASE_URL",
                "postgresql://saas:" + SECRET + "@localhost:" + closed + "/saas",
                "DATABASE_WAIT_SECONDS",
                "3"))) {
            assertNotServing(payara);
            assertEquals(1, payara.logLines("Waiting up to 3 s for the database in DATABASE_URL"), payara.log());
            assertEquals(
                    1,
                    payara.logLines(
                            "Cannot start saas-api: the database in DATABASE_URL cannot be reached (waited 3 s"),
                    payara.log());
            assertFalse(payara.log().contains(SECRET), "the password must never be logged");
            assertEquals(0, payara.logLines("RAR5"), "Payara's pool logs nothing per attempt while start-up waits");
        }
    }

    /** The process ends on its own, with EX_CONFIG, so that an orchestrator sees the failure. */
    private static void assertNotServing(PayaraProcess payara) throws Exception {
        OptionalInt status = payara.exitStatus(Duration.ofSeconds(60));
        assertTrue(status.isPresent(), () -> "the process kept running after a failed start-up:\n" + tail(payara));
        assertEquals(StartupFailure.EXIT_STATUS, status.getAsInt());
        assertEquals(1, payara.logLines("Stopping Payara Micro with exit status 78"));
        List<String> lines =
                payara.log().lines().filter(line -> !line.isBlank()).toList();
        assertTrue(
                lines.get(lines.size() - 1).contains("Cannot start saas-api: "),
                () -> "the reason is the last line the operator sees:\n" + tail(payara));
    }

    private static String tail(PayaraProcess payara) {
        try {
            String log = payara.log();
            return log.substring(Math.max(0, log.length() - 6000));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
