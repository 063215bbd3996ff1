package dev.saasapi.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void rejectsRefreshLifetimesOutsideOneDayToAYear(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> SessionLifetime.parse(value));

        assertTrue(e.getMessage().startsWith("REFRESH_TOKEN_EXPIRE_DAYS"), e.getMessage());
    }

    @Test
    void namesTheVariableAndTheRange() {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> SessionLifetime.parse("367"));

        assertEquals("REFRESH_TOKEN_EXPIRE_DAYS must be a whole number of days from 1 to 366", e.getMessage());
    }
}
