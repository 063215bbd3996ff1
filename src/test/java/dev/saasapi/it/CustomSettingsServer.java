package dev.saasapi.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * One Payara Micro process with every setting the suite's server leaves at its default that tests
 * can share without disturbing each other: an ES256 key, another issuer, audience and token lifetime,
 * JSON logs, the loopback address as a trusted proxy. Started by the first test that asks for it, ended with the test JVM: one boot instead of
 * one per test class.
 */
public final class CustomSettingsServer {

    /** For {@code @ResourceLock}: the classes that use this server run one at a time. */
    public static final String NAME = "custom-settings-server";

    public static final String ISSUER = "https://auth.example.com";
    public static final String AUDIENCE = "billing-api";
    public static final int ACCESS_TOKEN_MINUTES = 15;
    /** The tests connect over loopback: as if through a proxy on this host. */
    public static final String TRUSTED_PROXIES = "127.0.0.0/8, ::1";

    private static PayaraProcess server;

    private CustomSettingsServer() {}

    public static synchronized PayaraProcess get() throws IOException, InterruptedException {
        if (server == null) {
            server = PayaraProcess.start(Map.of(
                    "DATABASE_URL",
                    System.getProperty(TestEnvironment.DATABASE_URL_PROPERTY),
                    "JWT_ALGORITHM",
                    "ES256",
                    "JWT_PRIVATE_KEY",
                    ecPrivateKey(),
                    "JWT_ISSUER",
                    ISSUER,
                    "JWT_AUDIENCE",
                    AUDIENCE,
                    "ACCESS_TOKEN_EXPIRE_MINUTES",
                    String.valueOf(ACCESS_TOKEN_MINUTES),
                    "LOG_FORMAT",
                    "json",
                    "TRUSTED_PROXIES",
                    TRUSTED_PROXIES));
            PayaraProcess started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return server;
    }

    /** A P-256 key as PKCS#8 PEM, with its line breaks. */
    private static String ecPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(
                                    generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
