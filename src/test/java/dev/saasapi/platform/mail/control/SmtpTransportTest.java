package dev.saasapi.platform.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    @Test
    void aUnicodeDomainIsWrittenInItsAsciiFormAndAUnicodeLocalPartIsRefused() throws Exception {
        // as Python's codec writes it: "\u0161port.cz".encode("idna")
        assertEquals("jan@xn--port-f6a.cz", SmtpTransport.asciiAddress("jan@\u0161port.cz"));
        assertEquals("ann@example.com", SmtpTransport.asciiAddress("ann@example.com"));
        // Jakarta Mail would cut each character to a byte: "j\u00e1n" would go to "jan"
        assertThrows(AddressException.class, () -> SmtpTransport.asciiAddress("j\u00e1n@example.com"));
        assertThrows(AddressException.class, () -> SmtpTransport.asciiAddress("no-at-sign"));
    }

    @Test
    void onlyARefusedRecipientIsRefusedForGood() throws Exception {
        InternetAddress ann = new InternetAddress("ann@example.com");
        assertTrue(SmtpTransport.recipientRefused(
                refused(new SMTPAddressFailedException(ann, "RCPT TO", 550, "550 5.1.1 <ann@example.com>: unknown"))));
        assertFalse(
                SmtpTransport.recipientRefused(
                        refused(new SMTPAddressFailedException(ann, "RCPT TO", 550, "550 5.7.1 Relaying denied"))),
                "a policy refusal is the server's configuration");
        assertFalse(SmtpTransport.recipientRefused(
                refused(new SMTPAddressFailedException(ann, "RCPT TO", 450, "450 4.2.1 mailbox busy"))));
        assertFalse(
                SmtpTransport.recipientRefused(new SMTPSendFailedException(
                        "MAIL FROM", 530, "530 5.7.0 Authentication required", null, null, null, null)),
                "a refused sender holds for every mail");
        assertFalse(SmtpTransport.recipientRefused(new MessagingException("Could not connect")));
    }

    private static SendFailedException refused(SMTPAddressFailedException cause) {
        return new SendFailedException("Invalid Addresses", cause);
    }
}
