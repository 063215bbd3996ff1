package dev.saasapi.identity.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Everything about access tokens that comes from the configuration, read and checked once, at
 * start-up. Shared by {@link AccessTokenVerifier} (what is verified), {@link TokenIssuer} (what is
 * signed) and the JWKS endpoint (what is published), so they can never disagree.
 */
@ApplicationScoped
public class TokenSettings {

    public static final String ISSUER_VARIABLE = "JWT_ISSUER";
    public static final String AUDIENCE_VARIABLE = "JWT_AUDIENCE";
    public static final String LIFETIME_VARIABLE = "ACCESS_TOKEN_EXPIRE_MINUTES";
    static final String DEFAULT_ISSUER = "saas-api";
    static final String DEFAULT_AUDIENCE = "saas-api";
    /** Short, because refresh tokens renew access tokens and a logout of one session does not reach them. */
    static final long DEFAULT_MINUTES = 15;

    private static final long MAX_MINUTES = Duration.ofDays(366).toMinutes();
    private static final Logger LOG = Logger.getLogger(TokenSettings.class.getName());

    private Settings settings;
    private volatile Values values;

    /** What the settings say, parsed; one immutable object, so a reader never sees half of it. */
    private record Values(
            SigningKey key, List<JWK> extraVerificationKeys, String issuer, String audience, Duration lifetime) {}

    /** For the container's client proxy. */
    TokenSettings() {}

    @Inject
    TokenSettings(Settings settings) {
        this.settings = settings;
    }

    /** A wrong {@code JWT_*} setting or token lifetime stops the start-up, naming the variable. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::values);
    }

    public SigningKey key() {
        return values().key();
    }

    public String issuer() {
        return values().issuer();
    }

    public String audience() {
        return values().audience();
    }

    public Duration lifetime() {
        return values().lifetime();
    }

    /** Every key a token may be signed with, as a public JWK set. */
    public JWKSet verificationKeys() {
        return VerificationKeys.of(key(), values().extraVerificationKeys());
    }

    /** @throws InvalidConfigurationException naming the variable that is wrong */
    private Values values() {
        Values read = values;
        if (read == null) {
            synchronized (this) {
                read = values;
                if (read == null) {
                    values = read = read(settings); // once: a generated key pair must stay the same
                }
            }
        }
        return read;
    }

    private static Values read(Settings settings) {
        Values values = new Values(
                SigningKey.of(settings.value(SigningKey.ALGORITHM_VARIABLE), settings.value(SigningKey.KEY_VARIABLE)),
                VerificationKeys.parseExtra(settings.value(VerificationKeys.EXTRA_KEYS_VARIABLE)),
                settings.value(ISSUER_VARIABLE, DEFAULT_ISSUER),
                audience(settings.value(AUDIENCE_VARIABLE, DEFAULT_AUDIENCE)),
                lifetime(settings.value(LIFETIME_VARIABLE, String.valueOf(DEFAULT_MINUTES))));
        if (values.key().generated()) {
            LOG.warning(SigningKey.KEY_VARIABLE + " is not set: signing tokens with a key pair generated"
                    + " at start-up. Tokens will not survive a restart and are not valid on other"
                    + " instances; set " + SigningKey.KEY_VARIABLE + " in production.");
        }
        return values;
    }

    /** MicroProfile JWT reads its audiences as a comma-separated list; tokens name exactly one. */
    static String audience(String audience) {
        if (audience.contains(",")) {
            throw new InvalidConfigurationException(AUDIENCE_VARIABLE + " must be a single audience, without commas");
        }
        return audience;
    }

    static Duration lifetime(String minutes) {
        return Settings.duration(LIFETIME_VARIABLE, minutes, ChronoUnit.MINUTES, 1, MAX_MINUTES);
    }
}
