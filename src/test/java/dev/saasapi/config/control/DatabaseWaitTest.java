package dev.saasapi.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseWaitTest {

    @Test
    void waitsThirtySecondsUnlessConfigured() {
        assertEquals(30, DatabaseWait.seconds(Optional.empty()));
        assertEquals(0, DatabaseWait.seconds(Optional.of("0")));
        assertEquals(3600, DatabaseWait.seconds(Optional.of("3600")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3601", "ten", "1.5"})
    void refusesAnythingButSecondsFromZeroToAnHour(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> DatabaseWait.seconds(Optional.of(value)));
        assertEquals("DATABASE_WAIT_SECONDS must be a number of seconds from 0 to 3600", e.getMessage());
    }
}
