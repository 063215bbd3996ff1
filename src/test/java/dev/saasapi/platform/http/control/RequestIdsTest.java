package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void plausibleIdsAreKept() {
        for (String id : List.of(
                "3f2b8c1e-9d4a-4f6b-8e2a-1c5d7f9b0a3e",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "Root=1-67891233-abcdef012345678912345678",
                "x".repeat(128))) {
            assertEquals(id, RequestIds.accept(id));
        }
    }

    @Test
    void missingOrImplausibleIdsAreReplacedByAUuid() {
        for (String id : java.util.Arrays.asList(null, "", "a b", "x".repeat(129), "a\nb", "<b>", "é")) {
            String accepted = RequestIds.accept(id);
            assertNotEquals(id, accepted);
            assertTrue(accepted.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), accepted);
        }
    }
}
