package dev.saasapi.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionLifetimeTest {

    @Test
    void readsTheRefreshLifetimeInDays() {
        assertEquals(Duration.ofDays(30), SessionLifetime.parse("30"));
        assertEquals(Duration.ofDays(1), SessionLifetime.parse("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.5", "367", "month", ""})
    void refusesRefreshLifetimesOutsideOneDayToAYearNamingTheVariableAndTheRange(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> SessionLifetime.parse(value));

        assertEquals("REFRESH_TOKEN_EXPIRE_DAYS must be a whole number of days from 1 to 366", e.getMessage());
    }
}
