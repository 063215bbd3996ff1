package dev.saasapi.platform.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.accounts.entity.Registration;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonbResolverTest {

    @Test
    void readsStringsAsTheyAre() {
        Registration registration = JsonbResolver.JSONB.fromJson(
                "{\"email\": \" ann@example.com \", \"password\": \"12345678 \\u00e9\"}", Registration.class);

        assertEquals("ann@example.com", registration.email());
        assertEquals("12345678 é", registration.password());
    }

    @Test
    void keepsNullAndAbsentFieldsNull() {
        Registration registration = JsonbResolver.JSONB.fromJson("{\"email\": null}", Registration.class);

        assertNull(registration.email());
        assertNull(registration.password());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "12345678.5", "true", "false", "[\"x\"]", "{\"a\": \"b\"}"})
    void refusesOtherJsonTypesForTextFields(String value) {
        assertThrows(
                JsonbException.class,
                () -> JsonbResolver.JSONB.fromJson(
                        "{\"email\": \"ann@example.com\", \"password\": " + value + "}", Registration.class));
    }
}
