package dev.saasapi.verification.control;

import dev.saasapi.platform.config.control.CachedSetting;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** How long mailed links work ({@code EMAIL_VERIFICATION_TTL_HOURS}, {@code PASSWORD_RESET_TTL_MINUTES}). */
@ApplicationScoped
public class VerificationSettings {

    public static final String VERIFICATION_TTL_VARIABLE = "EMAIL_VERIFICATION_TTL_HOURS";
    public static final String RESET_TTL_VARIABLE = "PASSWORD_RESET_TTL_MINUTES";
    static final long DEFAULT_VERIFICATION_HOURS = 24;
    static final long DEFAULT_RESET_MINUTES = 30;

    @Inject
    Settings settings;

    private final CachedSetting<Duration> verificationTtl = new CachedSetting<>(settings ->
            settings.duration(VERIFICATION_TTL_VARIABLE, DEFAULT_VERIFICATION_HOURS, ChronoUnit.HOURS, 1, 720));
    private final CachedSetting<Duration> resetTtl = new CachedSetting<>(
            settings -> settings.duration(RESET_TTL_VARIABLE, DEFAULT_RESET_MINUTES, ChronoUnit.MINUTES, 5, 1440));

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(() -> {
            verificationTtl();
            resetTtl();
        });
    }

    /** From an hour to 30 days. */
    public Duration verificationTtl() {
        return verificationTtl.get(settings);
    }

    /** From 5 minutes to a day: whoever reads the mail can take the account over meanwhile. */
    public Duration resetTtl() {
        return resetTtl.get(settings);
    }
}
