package dev.saasapi.platform.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentTest {

    @Test
    void secondsDefaultWhenUnsetAndRangeFromZeroToAnHour() {
        assertEquals(30, Environment.seconds("DATABASE_WAIT_SECONDS", Optional.empty(), 30));
        assertEquals(0, Environment.seconds("DATABASE_WAIT_SECONDS", Optional.of("0"), 30));
        assertEquals(3600, Environment.seconds("DATABASE_WAIT_SECONDS", Optional.of("3600"), 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3601", "ten", "1.5"})
    void refusesAnythingButSecondsFromZeroToAnHour(String value) {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> Environment.seconds("MIGRATION_LOCK_WAIT_SECONDS", Optional.of(value), 300));
        assertEquals("MIGRATION_LOCK_WAIT_SECONDS must be a number of seconds from 0 to 3600", e.getMessage());
    }

    @Test
    void readsTheSystemPropertyWhenTheVariableIsUnset() {
        System.setProperty("saasapi.test.wait.seconds", "7");
        try {
            assertEquals(7, Environment.seconds("SAASAPI_TEST_WAIT_SECONDS", 30));
        } finally {
            System.clearProperty("saasapi.test.wait.seconds");
        }
    }
}
