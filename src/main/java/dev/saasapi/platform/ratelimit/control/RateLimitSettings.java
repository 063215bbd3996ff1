package dev.saasapi.platform.ratelimit.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rate-limit policies, each set by an environment variable in an {@code N/duration} form ({@code
 * 30/5m}, {@code 100/1h}; units s, m, h, d) or {@code 0} for none. The defaults follow Supabase Auth's
 * per-address limits (30 sign-ins or sign-ups and 30 verifications per 5 minutes, 150 token refreshes
 * per 5 minutes); mail requests are limited per hour, as mail providers count, per address and per
 * email asked for.
 */
@ApplicationScoped
public class RateLimitSettings {

    public static final String LOGIN_VARIABLE = "RATE_LIMIT_LOGIN_PER_IP";
    public static final String REFRESH_VARIABLE = "RATE_LIMIT_REFRESH_PER_IP";
    public static final String REGISTER_VARIABLE = "RATE_LIMIT_REGISTER_PER_IP";
    public static final String MAIL_VARIABLE = "RATE_LIMIT_MAIL_PER_IP";
    public static final String TOKEN_VARIABLE = "RATE_LIMIT_TOKEN_PER_IP";
    public static final String MAIL_PER_EMAIL_VARIABLE = "RATE_LIMIT_MAIL_PER_EMAIL";
    /** The policies' names, as the {@code RateLimit-Policy} header and the stored keys have them. */
    public static final String LOGIN_POLICY = "login";

    public static final String REFRESH_POLICY = "refresh";
    public static final String REGISTER_POLICY = "register";
    public static final String MAIL_POLICY = "mail";
    public static final String TOKEN_POLICY = "token";
    public static final String MAIL_PER_EMAIL_POLICY = "mail-email";
    /** Failed logins per email ({@code LOGIN_THROTTLE_MAX_SECONDS}). */
    public static final String LOGIN_ACCOUNT_POLICY = "login-account";

    /** The policies per client address. */
    public static final List<String> PER_ADDRESS_POLICIES =
            List.of(LOGIN_POLICY, REFRESH_POLICY, REGISTER_POLICY, MAIL_POLICY, TOKEN_POLICY);

    public static final String LOGIN_THROTTLE_VARIABLE = "LOGIN_THROTTLE_MAX_SECONDS";
    static final long LOGIN_THROTTLE_DEFAULT_SECONDS = 900;
    private static final long LOGIN_THROTTLE_LONGEST_SECONDS = 86_400;

    /** The variables, for checking them all at start-up. */
    static final List<String> VARIABLES = List.of(
            LOGIN_VARIABLE,
            REFRESH_VARIABLE,
            REGISTER_VARIABLE,
            MAIL_VARIABLE,
            TOKEN_VARIABLE,
            MAIL_PER_EMAIL_VARIABLE);

    static final String MUST_BE = "0 (no limit) or a number of requests per period from 1 s to 1 d, such as 30/5m";

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{0,6})([smhd])");
    private static final Duration LONGEST = Duration.ofDays(1);

    @Inject
    Settings settings;

    private final Map<String, RateLimitPolicy> read = new ConcurrentHashMap<>();
    private volatile Long loginThrottleMaxSeconds;

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(() -> {
            VARIABLES.forEach(this::policy);
            loginThrottleMaxSeconds();
        });
    }

    /**
     * The longest wait of an email after failed logins ({@code LOGIN_THROTTLE_MAX_SECONDS}); 0 when
     * logins are not throttled. 15 minutes by default: Keycloak's default for its wait after failures.
     *
     * @throws InvalidConfigurationException naming the variable when its value is wrong
     */
    public long loginThrottleMaxSeconds() {
        Long value = loginThrottleMaxSeconds;
        if (value == null) {
            loginThrottleMaxSeconds = value = Settings.wholeNumber(
                    LOGIN_THROTTLE_VARIABLE,
                    settings.value(LOGIN_THROTTLE_VARIABLE, String.valueOf(LOGIN_THROTTLE_DEFAULT_SECONDS)),
                    0,
                    LOGIN_THROTTLE_LONGEST_SECONDS,
                    "0 (no throttling) or a number of seconds up to " + LOGIN_THROTTLE_LONGEST_SECONDS);
        }
        return value;
    }

    /**
     * @param variable one of the {@code …_VARIABLE} constants
     * @throws InvalidConfigurationException naming the variable when its value is wrong
     */
    public RateLimitPolicy policy(String variable) {
        return read.computeIfAbsent(variable, this::read);
    }

    private RateLimitPolicy read(String variable) {
        return switch (variable) {
            case LOGIN_VARIABLE ->
                parse(LOGIN_POLICY, settings.value(LOGIN_VARIABLE, "30/5m"))
                        .orElseThrow(() -> Settings.invalid(LOGIN_VARIABLE, MUST_BE));
            case REFRESH_VARIABLE ->
                parse(REFRESH_POLICY, settings.value(REFRESH_VARIABLE, "150/5m"))
                        .orElseThrow(() -> Settings.invalid(REFRESH_VARIABLE, MUST_BE));
            case REGISTER_VARIABLE ->
                parse(REGISTER_POLICY, settings.value(REGISTER_VARIABLE, "30/5m"))
                        .orElseThrow(() -> Settings.invalid(REGISTER_VARIABLE, MUST_BE));
            case MAIL_VARIABLE ->
                parse(MAIL_POLICY, settings.value(MAIL_VARIABLE, "30/1h"))
                        .orElseThrow(() -> Settings.invalid(MAIL_VARIABLE, MUST_BE));
            case TOKEN_VARIABLE ->
                parse(TOKEN_POLICY, settings.value(TOKEN_VARIABLE, "30/5m"))
                        .orElseThrow(() -> Settings.invalid(TOKEN_VARIABLE, MUST_BE));
            case MAIL_PER_EMAIL_VARIABLE ->
                parse(MAIL_PER_EMAIL_POLICY, settings.value(MAIL_PER_EMAIL_VARIABLE, "5/1h"))
                        .orElseThrow(() -> Settings.invalid(MAIL_PER_EMAIL_VARIABLE, MUST_BE));
            default -> throw new IllegalArgumentException("no rate-limit policy " + variable);
        };
    }

    /** The policy {@code text} describes, {@link RateLimitPolicy#off} for "0"; empty when it is malformed. */
    public static Optional<RateLimitPolicy> parse(String name, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Optional.of(RateLimitPolicy.off(name));
        }
        Matcher form = FORM.matcher(value);
        if (!form.matches()) {
            return Optional.empty();
        }
        long limit = Long.parseLong(form.group(1));
        long count = form.group(2).isEmpty() ? 1 : Long.parseLong(form.group(2));
        Duration period = switch (form.group(3)) {
            case "s" -> Duration.ofSeconds(count);
            case "m" -> Duration.ofMinutes(count);
            case "h" -> Duration.ofHours(count);
            default -> Duration.ofDays(count);
        };
        if (limit < 1 || period.isZero() || period.compareTo(LONGEST) > 0) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitPolicy(name, limit, period));
    }
}
