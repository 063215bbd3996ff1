package dev.saasapi.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests run against, once per test JVM and before Arquillian reads
 * its configuration: the PostgreSQL ({@code TEST_DATABASE_URL}, or an embedded one started here and
 * stopped after the last test) and the JWT signing key, both handed to the Payara Micro process
 * through {@code payara.cmdOptions}. Unit tests (no {@code it.database} property) skip all of it.
 */
public class TestEnvironment implements LauncherSessionListener {

    public static final String DATABASE_URL_PROPERTY = "database.url";
    public static final String PRIVATE_KEY_PROPERTY = "it.jwt.private.key";

    private static EmbeddedPostgres embedded;
    private static boolean prepared;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (prepared || !Boolean.getBoolean("it.database")) {
            return;
        }
        prepared = true;
        String url = System.getenv("TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
            }
            url = "postgresql://postgres:postgres@localhost:" + embedded.getPort() + "/postgres";
        }
        String privateKey = newPrivateKey();
        System.setProperty(DATABASE_URL_PROPERTY, url);
        System.setProperty(PRIVATE_KEY_PROPERTY, privateKey);
        String options = System.getProperty("payara.cmdOptions", System.getenv().getOrDefault("MICRO_CMD_OPTIONS", ""));
        // the connector splits its options on spaces; a space inside a value is written as "\ "
        System.setProperty(
                "payara.cmdOptions",
                (options
                                + " -D" + DATABASE_URL_PROPERTY + "=" + url.replace(" ", "\\ ")
                                + " -Djwt.private.key=" + privateKey
                                // tests send bursts of parallel registrations; overload is tested on its own
                                + " -Dpassword.hash.concurrency=32")
                        .strip());
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("could not stop the embedded PostgreSQL: " + e);
            }
            embedded = null;
        }
    }

    /** A fresh RSA key for this run, as base64 PKCS#8 (the PEM body: no spaces to escape). */
    private static String newPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
