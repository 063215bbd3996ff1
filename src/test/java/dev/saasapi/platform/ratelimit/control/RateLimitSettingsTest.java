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

    @Test
    void loginThrottlingWaitsUpTo15MinutesByDefaultAndCanBeTurnedOff() {
        assertEquals(900, reading(Map.of()).loginThrottleMaxSeconds());
        assertEquals(0, reading(Map.of("LOGIN_THROTTLE_MAX_SECONDS", "0")).loginThrottleMaxSeconds());
        assertEquals(
                86_400, reading(Map.of("LOGIN_THROTTLE_MAX_SECONDS", " 86400 ")).loginThrottleMaxSeconds());
        for (String wrong : List.of("-1", "86401", "15m", "1.5")) {
            InvalidConfigurationException refused = assertThrows(
                    InvalidConfigurationException.class,
                    () -> reading(Map.of("LOGIN_THROTTLE_MAX_SECONDS", wrong)).loginThrottleMaxSeconds(),
                    wrong);
            assertTrue(refused.getMessage().startsWith("LOGIN_THROTTLE_MAX_SECONDS must be"), refused.getMessage());
        }
    }

    @Test
    void theWaitDoublesFromOneSecondUpToTheCap() {
        List<Long> waits = new java.util.ArrayList<>();
        for (int failures = 0; failures <= 12; failures++) {
            waits.add(FailureThrottle.waitAfter(failures, 900));
        }
        assertEquals(List.of(0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L), waits);
        assertEquals(86_400, FailureThrottle.waitAfter(Integer.MAX_VALUE, 86_400), "no overflow");
    }
}
