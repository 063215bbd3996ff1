package dev.saasapi.sessions.control;

import dev.saasapi.platform.config.control.CachedSetting;
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

/**
 * How long a session lasts ({@code REFRESH_TOKEN_EXPIRE_DAYS}), counted from the login: refreshing
 * does not extend it, so after this the user logs in again.
 */
@ApplicationScoped
public class SessionLifetime {

    public static final String VARIABLE = "REFRESH_TOKEN_EXPIRE_DAYS";
    static final long DEFAULT_DAYS = 30;
    private static final long MAX_DAYS = 366;

    @Inject
    Settings settings;

    private final CachedSetting<Duration> lifetime =
            new CachedSetting<>(settings -> parse(settings.value(VARIABLE, String.valueOf(DEFAULT_DAYS))));

    /** A wrong {@code REFRESH_TOKEN_EXPIRE_DAYS} stops the start-up, naming the variable. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::duration);
    }

    /** @throws InvalidConfigurationException when the setting is wrong */
    public Duration duration() {
        return lifetime.get(settings);
    }

    static Duration parse(String days) {
        return Settings.duration(VARIABLE, days, ChronoUnit.DAYS, 1, MAX_DAYS);
    }
}
