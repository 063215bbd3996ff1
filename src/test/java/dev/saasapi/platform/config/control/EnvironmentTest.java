package dev.saasapi.platform.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void readsTheSystemPropertyWhenTheVariableIsUnset() {
        System.setProperty("saasapi.test.wait.seconds", "7");
        try {
            assertEquals(7, Environment.settings().seconds("SAASAPI_TEST_WAIT_SECONDS", 30));
        } finally {
            System.clearProperty("saasapi.test.wait.seconds");
        }
    }
}
