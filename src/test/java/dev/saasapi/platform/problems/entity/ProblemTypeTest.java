package dev.saasapi.platform.problems.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void namesItsTypeUriAfterTheSlug() {
        assertEquals(
                URI.create("/problems/email-taken"),
                new ProblemType("email-taken", 409, "Email already registered").uri());
    }

    @Test
    void refusesWhatCannotBeAStableProblemType() {
        assertThrows(IllegalArgumentException.class, () -> new ProblemType("Email taken", 409, "Taken"));
        assertThrows(IllegalArgumentException.class, () -> new ProblemType("email-taken/", 409, "Taken"));
        assertThrows(IllegalArgumentException.class, () -> new ProblemType("email-taken", 200, "Taken"));
        assertThrows(IllegalArgumentException.class, () -> new ProblemType("email-taken", 409, " "));
    }
}
