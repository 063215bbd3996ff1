package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSettingsTest {

    @Test
    void readsTheLifetimeInMinutes() {
        assertEquals(Duration.ofMinutes(15), TokenSettings.lifetime("15"));
        assertEquals(Duration.ofMinutes(60), TokenSettings.lifetime(" 60 "));
    }

    @Test
    void refusesAnAudienceListBecauseTokensNameOneAudience() {
        assertEquals("saas-api", TokenSettings.audience("saas-api"));
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> TokenSettings.audience("a,b"));
        assertTrue(e.getMessage().startsWith("JWT_AUDIENCE"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1.5", "sixty", "", "99999999999999999999", "527041"})
    void rejectsLifetimesThatAreNotAPositiveNumberOfMinutes(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> TokenSettings.lifetime(value));

        assertTrue(e.getMessage().startsWith("ACCESS_TOKEN_EXPIRE_MINUTES"), e.getMessage());
    }

    @Test
    void readsTheRefreshLifetimeInDaysAndTheRecentLoginWindowInMinutes() {
        assertEquals(Duration.ofDays(30), TokenSettings.refreshLifetime("30"));
        assertEquals(Duration.ofDays(1), TokenSettings.refreshLifetime("1"));
        assertEquals(Duration.ZERO, TokenSettings.recentLogin("0"));
        assertEquals(Duration.ofMinutes(5), TokenSettings.recentLogin(" 5 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.5", "367", "month", ""})
    void rejectsRefreshLifetimesOutsideOneDayToAYear(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> TokenSettings.refreshLifetime(value));

        assertTrue(e.getMessage().startsWith("REFRESH_TOKEN_EXPIRE_DAYS"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "61", "five", ""})
    void rejectsRecentLoginWindowsOutsideZeroToAnHour(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> TokenSettings.recentLogin(value));

        assertTrue(e.getMessage().startsWith("RECENT_LOGIN_MINUTES"), e.getMessage());
    }
}
