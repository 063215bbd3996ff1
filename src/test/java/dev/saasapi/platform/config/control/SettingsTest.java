package dev.saasapi.platform.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @Test
    void secondsDefaultWhenUnsetAndRangeFromZeroToAnHour() {
        assertEquals(30, settings(Map.of()).seconds("DATABASE_WAIT_SECONDS", 30));
        assertEquals(0, settings(Map.of("DATABASE_WAIT_SECONDS", "0")).seconds("DATABASE_WAIT_SECONDS", 30));
        assertEquals(3600, settings(Map.of("DATABASE_WAIT_SECONDS", "3600")).seconds("DATABASE_WAIT_SECONDS", 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3601", "ten", "1.5"})
    void refusesAnythingButSecondsFromZeroToAnHour(String value) {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> settings(Map.of("MIGRATION_LOCK_WAIT_SECONDS", value))
                        .seconds("MIGRATION_LOCK_WAIT_SECONDS", 300));
        assertEquals("MIGRATION_LOCK_WAIT_SECONDS must be a number of seconds from 0 to 3600", e.getMessage());
    }

    @Test
    void stripsValuesAndTakesABlankOneForUnset() {
        Settings settings = settings(Map.of("JWT_ISSUER", "  https://auth.example.com\n", "JWT_AUDIENCE", " \t"));
        assertEquals(Optional.of("https://auth.example.com"), settings.value("JWT_ISSUER"));
        assertEquals(Optional.empty(), settings.value("JWT_AUDIENCE"));
        assertEquals("saas-api", settings.value("JWT_AUDIENCE", "saas-api"));
    }

    @Test
    void asksMicroProfileConfigForThePropertyTheVariableMapsOnto() {
        assertEquals("access.token.expire.minutes", Settings.property("ACCESS_TOKEN_EXPIRE_MINUTES"));
        assertEquals("database.url", Settings.property("DATABASE_URL"));
    }

    @Test
    void namesTheVariableWhatItMustBeAndNeverTheValue() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> Settings.duration("ACCESS_TOKEN_EXPIRE_MINUTES", "secret-0", ChronoUnit.MINUTES, 1, 527040));
        assertEquals("ACCESS_TOKEN_EXPIRE_MINUTES must be a whole number of minutes from 1 to 527040", e.getMessage());

        assertEquals(
                "json", Settings.oneOf("LOG_FORMAT", " JSON ", Map.of("text", "text", "json", "json"), "text or json"));
        e = assertThrows(
                InvalidConfigurationException.class,
                () -> Settings.oneOf("LOG_FORMAT", "xml", Map.of("text", "text"), "text or json"));
        assertEquals("LOG_FORMAT must be text or json", e.getMessage());
    }

    private static Settings settings(Map<String, String> values) {
        return new Settings(variable -> Optional.ofNullable(values.get(variable)));
    }
}
