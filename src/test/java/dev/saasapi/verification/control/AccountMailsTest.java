package dev.saasapi.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.mail.entity.Mail;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountMailsTest {

    private final AccountMails mails = new AccountMails("Example");

    @Test
    void theLinkStandsOnALineOfItsOwnWithTheLifetime() {
        String link = "https://app.example.com/account/verify-email#token=abc";
        Mail mail = mails.verifyEmail("ann@example.com", link, Duration.ofHours(24));
        assertTrue(mail.text().contains("\n" + link + "\n"), mail.text());
        assertTrue(mail.text().contains("24 hours"));
        assertTrue(mail.text().contains("Example"));
        assertTrue(mails.resetPassword("ann@example.com", link, Duration.ofMinutes(30))
                .text()
                .contains("30 minutes"));
    }

    @Test
    void theNewAddressIsShownMasked() {
        assertEquals("b***@example.org", AccountMails.masked("bob.smith@example.org"));
        assertEquals("***", AccountMails.masked("no-at-sign"));
        Mail notice = mails.emailChanged("old@example.com", "bob.smith@example.org");
        assertFalse(notice.text().contains("bob.smith"), notice.text());
        assertEquals("old@example.com", notice.recipient());
    }

    @Test
    void lifetimesReadNaturally() {
        assertEquals("1 hour", AccountMails.duration(Duration.ofHours(1)));
        assertEquals("90 minutes", AccountMails.duration(Duration.ofMinutes(90)));
        assertEquals("5 minutes", AccountMails.duration(Duration.ofMinutes(5)));
        assertEquals("720 hours", AccountMails.duration(Duration.ofHours(720)));
    }
}
