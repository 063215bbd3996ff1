package dev.saasapi.platform.bodies.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.problems.control.MalformedBodyException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlEncodedFormTest {

    @Test
    void decodesPercentEscapesPlusSignsAndMultibyteCharacters() {
        Map<String, String> form = parse("username=ann%40example.com&password=p%C3%A4ss+w%F0%9F%98%80rd&empty=&flag");

        assertEquals("ann@example.com", form.get("username"));
        assertEquals("päss w😀rd", form.get("password"));
        assertEquals("", form.get("empty"));
        assertEquals("", form.get("flag"));
    }

    @Test
    void keepsUnencodedNonAsciiTextAsSent() {
        assertEquals("pässwört", parse("password=pässwört").get("password"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password=%00abc",
                "password=abc%",
                "password=abc%4",
                "password=abc%zz",
                "password=%C3%28",
                "password=%ED%A0%80",
                "password=a&password=b",
            })
    void refusesWhatCannotBeDecodedExactlyOrIsAmbiguous(String body) {
        assertThrows(MalformedBodyException.class, () -> parse(body));
    }

    private static Map<String, String> parse(String body) {
        return UrlEncodedForm.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
