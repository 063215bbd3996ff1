package dev.saasapi.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests run against, once per test JVM and before Arquillian reads
 * its configuration: the PostgreSQL ({@code TEST_DATABASE_URL}, or an embedded one started here and
 * stopped after the last test), the JWT signing key and the SMTP server that receives its mail
 * ({@link TestMail#suite()}), all handed to the Payara Micro process through {@code payara.cmdOptions}. Unit tests (no {@code it.database} property) skip all of it.
 */
public class TestEnvironment implements LauncherSessionListener {

    public static final String DATABASE_URL_PROPERTY = "database.url";
    public static final String PRIVATE_KEY_PROPERTY = "it.jwt.private.key";

    /** The suite server's one platform admin (ADMIN_EMAILS), for the tests that need one. */
    public static final String ADMIN_EMAIL = "platform-admin@saas-api.test";
    /** A second address in its ADMIN_EMAILS, for the rule that the last admin cannot be turned off. */
    public static final String SECOND_ADMIN_EMAIL = "platform-admin-2@saas-api.test";

    /** CACHE_EXPIRY_SECONDS of the suite server. */
    public static final int SUITE_CACHE_EXPIRY_SECONDS = 3;

    /** Waits until the suite server's cached copies of rows a test changed by SQL have expired. */
    public static void awaitCacheExpiry() throws InterruptedException {
        Thread.sleep(SUITE_CACHE_EXPIRY_SECONDS * 1000L + 300);
    }

    /** Every rate limit and login throttling off, as system properties for a server ({@code RATE_LIMIT_LOGIN_PER_IP=0}, …). */
    static final String RATE_LIMITS_OFF = " -Drate.limit.login.per.ip=0 -Drate.limit.refresh.per.ip=0"
            + " -Drate.limit.register.per.ip=0 -Drate.limit.mail.per.ip=0 -Drate.limit.token.per.ip=0"
            + " -Drate.limit.mail.per.email=0 -Dlogin.throttle.max.seconds=0";

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
        writeLoggingWithFile();
        TestMail.startSuite();
        TestMail mail = TestMail.suite();
        String options = System.getProperty("payara.cmdOptions", System.getenv().getOrDefault("MICRO_CMD_OPTIONS", ""));
        // the connector splits its options on spaces; a space inside a value is written as "\ "
        System.setProperty(
                "payara.cmdOptions",
                (options
                                + " -D" + DATABASE_URL_PROPERTY + "=" + url.replace(" ", "\\ ")
                                + " -Djwt.private.key=" + privateKey
                                + " -Dsmtp.host=127.0.0.1 -Dsmtp.port=" + mail.port() + " -Dsmtp.security=none"
                                + " -Dmail.from=" + TestMail.SENDER + " -Dpublic.url=" + TestMail.SUITE_PUBLIC_URL
                                // tests send bursts of parallel registrations; overload is tested on its own
                                + " -Dpassword.hash.concurrency=32"
                                + " -Dadmin.emails=" + ADMIN_EMAIL + "," + SECOND_ADMIN_EMAIL
                                // rows that tests change by SQL are seen soon; AccountCacheIT tests the expiry
                                + " -Dcache.expiry.seconds=" + SUITE_CACHE_EXPIRY_SECONDS
                                // thousands of logins from one address; the limits are tested on servers of their own
                                + RATE_LIMITS_OFF)
                        .strip());
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        TestMail.stopSuite();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("could not stop the embedded PostgreSQL: " + e);
            }
            embedded = null;
        }
    }

    /**
     * The suite server logs as production does ({@code payara/logging.properties}), and also to
     * {@code it.server.log}: Payara Micro ignores {@code --logtofile} when it is given logging
     * properties, so the file handler is added to a copy of them.
     */
    private static void writeLoggingWithFile() {
        String log = System.getProperty("it.server.log");
        if (log == null) {
            return;
        }
        try {
            Path production = Path.of(System.getProperty("it.preboot")).resolveSibling("logging.properties");
            Path copy = Path.of(log).resolveSibling("it-logging.properties");
            // this run's log only: a previous run's files would count as this server's lines
            try (var old = Files.newDirectoryStream(
                    Path.of(log).getParent(), Path.of(log).getFileName() + "*")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            Files.writeString(
                    copy,
                    Files.readString(production)
                            + "\n# the suite's server log file (TestEnvironment)\n"
                            + "handlers=java.util.logging.FileHandler, java.util.logging.ConsoleHandler\n"
                            + "java.util.logging.FileHandler.pattern=" + log.replace("\\", "/") + "\n"
                            + "java.util.logging.FileHandler.limit=10240000\n"
                            + "java.util.logging.FileHandler.count=10\n"
                            + "java.util.logging.FileHandler.level=FINE\n"
                            + "java.util.logging.FileHandler.append=true\n"
                            + "java.util.logging.FileHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter\n");
            System.setProperty(
                    "payara.extraMicroOptions",
                    System.getProperty("payara.extraMicroOptions", "") + " --logproperties " + copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
