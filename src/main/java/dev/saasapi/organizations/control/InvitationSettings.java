package dev.saasapi.organizations.control;

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

/** How long an invitation's link works ({@code INVITATION_TTL_DAYS}). */
@ApplicationScoped
public class InvitationSettings {

    public static final String TTL_VARIABLE = "INVITATION_TTL_DAYS";
    static final long DEFAULT_DAYS = 7;

    @Inject
    Settings settings;

    private final CachedSetting<Duration> ttl =
            new CachedSetting<>(settings -> settings.duration(TTL_VARIABLE, DEFAULT_DAYS, ChronoUnit.DAYS, 1, 30));

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::ttl);
    }

    /** From a day to 30 days. */
    public Duration ttl() {
        return ttl.get(settings);
    }
}
