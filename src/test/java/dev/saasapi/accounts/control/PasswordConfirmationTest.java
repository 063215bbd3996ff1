package dev.saasapi.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordConfirmationTest {

    @Test
    void readsTheRecentLoginWindowInMinutes() {
        assertEquals(Duration.ZERO, PasswordConfirmation.recentLogin("0"));
        assertEquals(Duration.ofMinutes(5), PasswordConfirmation.recentLogin(" 5 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "61", "five", ""})
    void refusesRecentLoginWindowsOutsideZeroToAnHourNamingTheVariableAndTheRange(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> PasswordConfirmation.recentLogin(value));

        assertEquals("RECENT_LOGIN_MINUTES must be a whole number of minutes from 0 to 60", e.getMessage());
    }
}
