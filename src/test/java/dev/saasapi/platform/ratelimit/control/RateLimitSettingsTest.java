package dev.saasapi.platform.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

    private static RateLimitSettings reading(Map<String, String> values) {
        RateLimitSettings settings = new RateLimitSettings();
        settings.settings = new Settings(variable -> Optional.ofNullable(values.get(variable)));
        return settings;
    }

    @Test
    void readsRequestsPerPeriod() {
        assertEquals(
                Optional.of(new RateLimitPolicy("login", 20, Duration.ofMinutes(1))),
                RateLimitSettings.parse("login", "20/1m"));
        assertEquals(
                Optional.of(new RateLimitPolicy("mail", 100, Duration.ofHours(1))),
                RateLimitSettings.parse("mail", " 100/1H "));
        assertEquals(
                Duration.ofSeconds(30),
                RateLimitSettings.parse("x", "5/30s").orElseThrow().period());
        assertEquals(
                Duration.ofMinutes(1),
                RateLimitSettings.parse("x", "5/m").orElseThrow().period());
        assertFalse(RateLimitSettings.parse("x", "0").orElseThrow().enabled(), "0 is no limit");
    }

    @Test
    void refusesWhatIsNotALimit() {
        for (String text : List.of(
                "", "30", "30/", "/5m", "30/5", "30/5w", "-1/5m", "0/5m", "30/0m", "1/2d", "1e3/5m", "30/5m0")) {
            assertEquals(Optional.empty(), RateLimitSettings.parse("x", text), text);
        }
    }

    @Test
    void defaultsAreLimitsAndAWrongValueNamesItsVariable() {
        RateLimitSettings defaults = reading(Map.of());
        for (String variable : RateLimitSettings.VARIABLES) {
            assertTrue(defaults.policy(variable).enabled(), variable);
        }
        assertEquals(
                "\"login\";q=30;w=300",
                defaults.policy(RateLimitSettings.LOGIN_VARIABLE).header());

        InvalidConfigurationException refused = assertThrows(
                InvalidConfigurationException.class,
                () -> reading(Map.of("RATE_LIMIT_MAIL_PER_IP", "lots")).policy(RateLimitSettings.MAIL_VARIABLE));
        assertTrue(refused.getMessage().startsWith("RATE_LIMIT_MAIL_PER_IP must be"), refused.getMessage());
    }
}
