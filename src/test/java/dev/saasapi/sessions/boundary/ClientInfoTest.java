package dev.saasapi.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ClientInfoTest {

    @Test
    void keepsWhatFitsTheColumnWithoutControlCharacters() {
        assertEquals("Mozilla/5.0 (X11)", ClientInfo.storable("Mozilla/5.0 (X11)", 512));
        assertEquals("a?b?c", ClientInfo.storable("a\nb\u0000c", 512));
        assertEquals("x".repeat(64), ClientInfo.storable("x".repeat(5000), 64));
        assertEquals("Navigateur é", ClientInfo.storable("Navigateur é", 512));
        assertNull(ClientInfo.storable("  ", 512));
        assertNull(ClientInfo.storable(null, 512));
    }
}
