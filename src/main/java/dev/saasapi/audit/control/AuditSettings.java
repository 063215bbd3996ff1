package dev.saasapi.audit.control;

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

/** How long audit events are kept ({@code AUDIT_RETENTION_DAYS}). */
@ApplicationScoped
public class AuditSettings {

    public static final String RETENTION_VARIABLE = "AUDIT_RETENTION_DAYS";
    static final long DEFAULT_DAYS = 365;

    @Inject
    Settings settings;

    private final CachedSetting<Duration> retention = new CachedSetting<>(
            settings -> settings.duration(RETENTION_VARIABLE, DEFAULT_DAYS, ChronoUnit.DAYS, 1, 3650));

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::retention);
    }

    /** From a day to ten years. */
    public Duration retention() {
        return retention.get(settings);
    }
}
