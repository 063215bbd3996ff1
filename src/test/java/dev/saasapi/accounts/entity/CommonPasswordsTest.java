package dev.saasapi.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void holdsAtLeastTheTenThousandMostCommonPasswords() {
        assertTrue(CommonPasswords.size() >= 10_000, String.valueOf(CommonPasswords.size()));
    }

    @Test
    void matchesInAnyLetterCaseAndAfterUnicodeNormalisation() {
        assertTrue(CommonPasswords.contains("password1"));
        assertTrue(CommonPasswords.contains("PassWord1"));
        assertTrue(CommonPasswords.contains("ｐａｓｓｗｏｒｄ１")); // full-width forms, NFKC-equal
        assertTrue(CommonPasswords.contains("qwertyuiop"));
    }

    @Test
    void letsUncommonPasswordsThrough() {
        assertFalse(CommonPasswords.contains("correct horse battery staple"));
        assertFalse(CommonPasswords.contains("zq8!Kp2w"));
        assertFalse(CommonPasswords.contains("password1 "));
    }
}
