package dev.saasapi.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.PayaraProcess;
import dev.saasapi.it.TestEnvironment;
import java.util.Map;
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

    private static void assertNotServing(PayaraProcess payara) {
        Api api = new Api(payara.url());
        assertNotEquals(201, api.register(Api.uniqueEmail(), "s3cret-Passw0rd").statusCode());
    }
}
