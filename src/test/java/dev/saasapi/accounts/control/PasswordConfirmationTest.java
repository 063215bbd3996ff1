package dev.saasapi.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void rejectsRecentLoginWindowsOutsideZeroToAnHour(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> PasswordConfirmation.recentLogin(value));

        assertTrue(e.getMessage().startsWith("RECENT_LOGIN_MINUTES"), e.getMessage());
    }

    @Test
    void namesTheVariableAndTheRange() {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> PasswordConfirmation.recentLogin("61"));

        assertEquals("RECENT_LOGIN_MINUTES must be a whole number of minutes from 0 to 60", e.getMessage());
    }
}
