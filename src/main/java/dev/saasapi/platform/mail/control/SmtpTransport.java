package dev.saasapi.platform.mail.control;

import dev.saasapi.platform.mail.control.MailSettings.SmtpServer;
import dev.saasapi.platform.mail.entity.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Jakarta Mail (Angus Mail, as Payara ships it) to the configured SMTP server. The session is built
 * here from the settings rather than looked up as a server resource, so the same WAR needs nothing set
 * up on the server.
 */
@ApplicationScoped
public class SmtpTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    MailSettings settings;

    private volatile Session session;

    /** One connection for several mails; close it after use. */
    public Connection connect() throws MessagingException {
        SmtpServer server = settings.smtp().orElseThrow(() -> new IllegalStateException("no SMTP server"));
        Transport transport =
                session(server).getTransport(server.security() == MailSettings.Security.TLS ? "smtps" : "smtp");
        if (server.username().isPresent()) {
            transport.connect(
                    server.host(),
                    server.port(),
                    server.username().get(),
                    server.password().orElseThrow());
        } else {
            transport.connect(server.host(), server.port(), null, null);
        }
        return new Connection(transport);
    }

    /** An open connection to the SMTP server. */
    public final class Connection implements AutoCloseable {

        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /**
         * @throws SendFailedException if the server refused the recipient (see {@link #permanent})
         * @throws MessagingException if the connection failed: the server is down or unreachable
         */
        public void send(OutgoingMail mail) throws MessagingException {
            MimeMessage message = message(mail);
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the mails were accepted already; a failed QUIT changes nothing
            }
        }
    }

    /** Whether the server refused the mail for good (a 5xx reply), so that trying again cannot help. */
    public static boolean permanent(MessagingException e) {
        for (Throwable cause = e;
                cause != null;
                cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException refused
                    && refused.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException refused
                    && refused.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    MimeMessage message(OutgoingMail mail) throws MessagingException {
        SmtpServer server = settings.smtp().orElseThrow();
        MimeMessage message = new StableIdMessage(session(server), mail);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date(mail.createdAt().toEpochMilli()));
        // RFC 3834: no auto-replies ("out of office") to a mail no one reads
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** A Message-ID derived from the outbox row: a mail sent again after a crash is recognisably the same. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, OutgoingMail mail) {
            super(session);
            this.messageId = "<" + mail.id() + "@saas-api>";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    private Session session(SmtpServer server) {
        Session read = session;
        if (read == null) {
            session = read = Session.getInstance(properties(server));
        }
        return read;
    }

    static Properties properties(SmtpServer server) {
        Properties properties = new Properties();
        String protocol = server.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty(prefix + "host", server.host());
        properties.setProperty(prefix + "port", String.valueOf(server.port()));
        properties.setProperty(prefix + "auth", String.valueOf(server.username().isPresent()));
        properties.setProperty(prefix + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        properties.setProperty(prefix + "timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        properties.setProperty(prefix + "writetimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (server.security() == MailSettings.Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            // never fall back to plain text when the server does not offer STARTTLS
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (server.security() == MailSettings.Security.TLS) {
            properties.setProperty(prefix + "ssl.enable", "true");
        }
        return properties;
    }
}
