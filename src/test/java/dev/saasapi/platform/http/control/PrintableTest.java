package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void keepsWhatFitsTheColumnWithoutControlCharacters() {
        assertEquals("Mozilla/5.0 (X11)", Printable.storable("Mozilla/5.0 (X11)", 512));
        assertEquals("a?b?c", Printable.storable("a\nb\u0000c", 512));
        assertEquals("x".repeat(64), Printable.storable("x".repeat(5000), 64));
        assertEquals("Navigateur é", Printable.storable("Navigateur é", 512));
        assertNull(Printable.storable("  ", 512));
        assertNull(Printable.storable(null, 512));
    }
}
