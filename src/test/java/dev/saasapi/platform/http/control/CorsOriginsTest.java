package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsOriginsTest {

    @Test
    void isEmptyWhenNotConfigured() {
        assertEquals(Set.of(), CorsOrigins.parse(Optional.empty()));
    }

    @Test
    void readsACommaSeparatedListOfOrigins() {
        assertEquals(
                Set.of("https://app.example.com", "http://localhost:3000"),
                CorsOrigins.parse(Optional.of(" https://app.example.com ,http://localhost:3000,")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "app.example.com",
                "https://app.example.com/",
                "https://app.example.com/path",
                "https://App.Example.com",
                "ftp://app.example.com",
                "https://user@app.example.com",
                "https://app.example.com?x=1",
            })
    void refusesWildcardsAndAnythingThatIsNotAnExactOrigin(String origin) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> CorsOrigins.parse(Optional.of(origin)));
        assertEquals(true, e.getMessage().startsWith(CorsOrigins.VARIABLE));
    }
}
