package dev.saasapi.identity.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.saasapi.platform.config.control.Environment;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Everything about access tokens that comes from the environment, read once per deployment.
 * Shared by {@link AccessTokenVerifier} (what is verified) and {@link TokenIssuer}
 * (what is signed), so the two can never disagree.
 */
public record TokenSettings(
        SigningKey key,
        List<JWK> extraVerificationKeys,
        String issuer,
        String audience,
        Duration lifetime,
        Duration refreshLifetime,
        Duration recentLogin) {

    public static final String ISSUER_VARIABLE = "JWT_ISSUER";
    public static final String AUDIENCE_VARIABLE = "JWT_AUDIENCE";
    public static final String LIFETIME_VARIABLE = "ACCESS_TOKEN_EXPIRE_MINUTES";
    static final String DEFAULT_ISSUER = "saas-api";
    static final String DEFAULT_AUDIENCE = "saas-api";
    public static final String REFRESH_LIFETIME_VARIABLE = "REFRESH_TOKEN_EXPIRE_DAYS";
    public static final String RECENT_LOGIN_VARIABLE = "RECENT_LOGIN_MINUTES";
    /** Short, because refresh tokens renew access tokens and a logout of one session does not reach them. */
    static final long DEFAULT_MINUTES = 15;

    static final long DEFAULT_REFRESH_DAYS = 30;
    static final long DEFAULT_RECENT_LOGIN_MINUTES = 5;
    private static final long MAX_MINUTES = Duration.ofDays(366).toMinutes();
    private static final long MAX_REFRESH_DAYS = 366;
    private static final long MAX_RECENT_LOGIN_MINUTES = 60;
    private static final Logger LOG = Logger.getLogger(TokenSettings.class.getName());

    private static volatile TokenSettings current;

    /** @throws InvalidConfigurationException naming the variable that is wrong */
    public static TokenSettings current() {
        TokenSettings settings = current;
        if (settings == null) {
            synchronized (TokenSettings.class) {
                settings = current;
                if (settings == null) {
                    settings = fromEnvironment();
                    if (settings.key().generated()) {
                        LOG.warning(SigningKey.KEY_VARIABLE + " is not set: signing tokens with a key pair generated"
                                + " at start-up. Tokens will not survive a restart and are not valid on other"
                                + " instances; set " + SigningKey.KEY_VARIABLE + " in production.");
                    }
                    current = settings;
                }
            }
        }
        return settings;
    }

    static TokenSettings fromEnvironment() {
        return new TokenSettings(
                SigningKey.of(
                        Environment.setting(SigningKey.ALGORITHM_VARIABLE),
                        Environment.setting(SigningKey.KEY_VARIABLE)),
                VerificationKeys.parseExtra(Environment.setting(VerificationKeys.EXTRA_KEYS_VARIABLE)),
                Environment.setting(ISSUER_VARIABLE).orElse(DEFAULT_ISSUER),
                audience(Environment.setting(AUDIENCE_VARIABLE).orElse(DEFAULT_AUDIENCE)),
                lifetime(Environment.setting(LIFETIME_VARIABLE).orElse(String.valueOf(DEFAULT_MINUTES))),
                refreshLifetime(
                        Environment.setting(REFRESH_LIFETIME_VARIABLE).orElse(String.valueOf(DEFAULT_REFRESH_DAYS))),
                recentLogin(Environment.setting(RECENT_LOGIN_VARIABLE)
                        .orElse(String.valueOf(DEFAULT_RECENT_LOGIN_MINUTES))));
    }

    /** Every key a token may be signed with, as a public JWK set. */
    public JWKSet verificationKeys() {
        return VerificationKeys.of(key, extraVerificationKeys);
    }

    /** MicroProfile JWT reads its audiences as a comma-separated list; tokens name exactly one. */
    static String audience(String audience) {
        if (audience.contains(",")) {
            throw new InvalidConfigurationException(AUDIENCE_VARIABLE + " must be a single audience, without commas");
        }
        return audience;
    }

    static Duration lifetime(String minutes) {
        return Duration.ofMinutes(wholeNumber(LIFETIME_VARIABLE, minutes, 1, MAX_MINUTES, "minutes"));
    }

    static Duration refreshLifetime(String days) {
        return Duration.ofDays(wholeNumber(REFRESH_LIFETIME_VARIABLE, days, 1, MAX_REFRESH_DAYS, "days"));
    }

    /** How long after a login the access token alone may change the email; 0 always asks for the password. */
    static Duration recentLogin(String minutes) {
        return Duration.ofMinutes(wholeNumber(RECENT_LOGIN_VARIABLE, minutes, 0, MAX_RECENT_LOGIN_MINUTES, "minutes"));
    }

    private static long wholeNumber(String variable, String text, long min, long max, String unit) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            value = min - 1;
        }
        if (value < min || value > max) {
            throw new InvalidConfigurationException(
                    variable + " must be a whole number of " + unit + " from " + min + " to " + max);
        }
        return value;
    }
}
