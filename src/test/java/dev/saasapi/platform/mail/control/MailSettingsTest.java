package dev.saasapi.platform.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.mail.control.MailSettings.Security;
import dev.saasapi.platform.mail.control.MailSettings.SmtpServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static final String SECRET = "smtp-s3cret-value";

    private static MailSettings.Values read(Map<String, String> values) {
        return MailSettings.read(new Settings(variable -> Optional.ofNullable(values.get(variable))));
    }

    private static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        values.put("SMTP_HOST", "smtp.example.com");
        values.put("MAIL_FROM", "Example <no-reply@example.com>");
        values.put("PUBLIC_URL", "https://app.example.com/");
        return values;
    }

    @Test
    void withoutAHostNoMailIsSentAndNothingElseIsNeeded() {
        assertEquals(Optional.empty(), read(Map.of()).smtp());
    }

    @Test
    void aHostNeedsASenderAndAPublicUrlNamingTheMissingVariable() {
        Map<String, String> values = complete();
        values.remove("MAIL_FROM");
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> read(values))
                .getMessage()
                .startsWith("MAIL_FROM must be set when SMTP_HOST is"));
        values.put("MAIL_FROM", "no-reply@example.com");
        values.remove("PUBLIC_URL");
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> read(values))
                .getMessage()
                .startsWith("PUBLIC_URL must be set when SMTP_HOST is"));
    }

    @Test
    void defaultsToStartTlsOnPort587() {
        MailSettings.Values values = read(complete());
        SmtpServer server = values.smtp().orElseThrow();
        assertEquals(587, server.port());
        assertEquals(Security.STARTTLS, server.security());
        assertEquals("https://app.example.com", values.publicUrl().orElseThrow().toString(), "no trailing slash");
        assertEquals("Example", values.from().orElseThrow().getPersonal());
    }

    @Test
    void refusesWrongValuesNamingTheVariableNeverTheValue() {
        Map<String, Map<String, String>> wrong = Map.of(
                "SMTP_PORT", Map.of("SMTP_PORT", "70000"),
                "SMTP_SECURITY", Map.of("SMTP_SECURITY", "ssl3"),
                "MAIL_FROM", Map.of("MAIL_FROM", "not an address"),
                "PUBLIC_URL", Map.of("PUBLIC_URL", "ftp://app.example.com"),
                "SMTP_USERNAME", Map.of("SMTP_PASSWORD", SECRET),
                "SMTP_HOST", Map.of("SMTP_HOST", "smtp.example.com:587"));
        for (Map.Entry<String, Map<String, String>> setting : wrong.entrySet()) {
            Map<String, String> values = complete();
            values.putAll(setting.getValue());
            InvalidConfigurationException refused =
                    assertThrows(InvalidConfigurationException.class, () -> read(values), setting.getKey());
            assertTrue(refused.getMessage().startsWith(setting.getKey() + " must be"), refused.getMessage());
            assertFalse(refused.getMessage().contains(SECRET));
        }
        for (String url : new String[] {"https://app.example.com/?a=1", "https://u:p@app.example.com", "/relative"}) {
            Map<String, String> values = complete();
            values.put("PUBLIC_URL", url);
            assertThrows(InvalidConfigurationException.class, () -> read(values), url);
        }
    }

    @Test
    void thePasswordIsNeverPartOfTheServersText() {
        Map<String, String> values = complete();
        values.put("SMTP_USERNAME", "apikey");
        values.put("SMTP_PASSWORD", SECRET);
        SmtpServer server = read(values).smtp().orElseThrow();
        assertEquals(Optional.of(SECRET), server.password());
        assertFalse(server.toString().contains(SECRET), server.toString());
        assertFalse(read(values).toString().contains(SECRET));
    }

    @Test
    void startTlsIsRequiredNotOpportunisticAndServerIdentityIsChecked() {
        Properties starttls = SmtpTransport.properties(
                new SmtpServer("smtp.example.com", 587, Security.STARTTLS, Optional.empty(), Optional.empty()));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("smtp", starttls.getProperty("mail.transport.protocol"));

        Properties tls = SmtpTransport.properties(
                new SmtpServer("smtp.example.com", 465, Security.TLS, Optional.of("u"), Optional.of(SECRET)));
        assertEquals("smtps", tls.getProperty("mail.transport.protocol"));
        assertEquals("true", tls.getProperty("mail.smtps.ssl.enable"));
        assertEquals("true", tls.getProperty("mail.smtps.auth"));
        assertFalse(tls.toString().contains(SECRET), "the password is given at connect time only");

        Properties none = SmtpTransport.properties(
                new SmtpServer("localhost", 1025, Security.NONE, Optional.empty(), Optional.empty()));
        assertEquals(null, none.getProperty("mail.smtp.starttls.enable"));
        assertEquals("10000", none.getProperty("mail.smtp.connectiontimeout"), "bounded waits");
    }
}
