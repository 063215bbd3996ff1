package dev.saasapi.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordTest {

    private final Password.Validator validator = new Password.Validator();

    @Test
    void countsCharactersAsCodePoints() {
        assertFalse(validator.isValid("😀".repeat(7), null));
        assertTrue(validator.isValid("😀".repeat(8), null));
        assertTrue(validator.isValid("😀".repeat(128), null));
        assertFalse(validator.isValid("😀".repeat(129), null));
    }

    @Test
    void acceptsEightToOneHundredTwentyEightCharacters() {
        assertFalse(validator.isValid("1234567", null));
        assertTrue(validator.isValid("zq8!Kp2w", null));
        assertTrue(validator.isValid("x".repeat(128), null));
        assertFalse(validator.isValid("x".repeat(129), null));
    }

    @Test
    void leavesAbsenceToRequired() {
        assertTrue(validator.isValid(null, null));
    }
}
