package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    void refusesLifetimesThatAreNotAPositiveNumberOfMinutesNamingTheVariableAndTheRange(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> TokenSettings.lifetime(value));

        assertEquals("ACCESS_TOKEN_EXPIRE_MINUTES must be a whole number of minutes from 1 to 527040", e.getMessage());
    }

    @Test
    void readsEachSettingThroughTheSettingsWithItsDefault() {
        TokenSettings defaults = new TokenSettings(new Settings(variable -> Optional.empty()));
        assertEquals("saas-api", defaults.issuer());
        assertEquals("saas-api", defaults.audience());
        assertEquals(Duration.ofMinutes(15), defaults.lifetime());
        assertTrue(defaults.key().generated());
        assertEquals(1, defaults.verificationKeys().getKeys().size());

        Map<String, String> values = Map.of(
                "JWT_ALGORITHM", "es256",
                "JWT_ISSUER", " https://auth.example.com ",
                "JWT_AUDIENCE", "billing-api",
                "ACCESS_TOKEN_EXPIRE_MINUTES", "60");
        TokenSettings custom = new TokenSettings(new Settings(variable -> Optional.ofNullable(values.get(variable))));
        assertEquals("ES256", custom.key().algorithm().getName());
        assertEquals("https://auth.example.com", custom.issuer());
        assertEquals("billing-api", custom.audience());
        assertEquals(Duration.ofMinutes(60), custom.lifetime());
        assertEquals(custom.key(), custom.key(), "read once: a generated key stays the same");
    }
}
