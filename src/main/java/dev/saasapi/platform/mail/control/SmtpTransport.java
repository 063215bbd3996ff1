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
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.IDN;
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
         * @param message made by {@link #message}
         * @throws SendFailedException if the server refused the recipient (see {@link #recipientRefused})
         * @throws MessagingException if the connection failed: the server is down or unreachable
         */
        public void send(MimeMessage message) throws MessagingException {
            transport.sendMessage(message, message.getAllRecipients());
        }

        /** Whether the connection is still open: after some refusals the server or Angus closes it. */
        public boolean open() {
            return transport.isConnected();
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

    /**
     * Whether the server refused this mail's recipient for good (550, 551 or 553 to {@code RCPT TO},
     * not a 5.7.x policy refusal), so that trying again cannot help. A refusal of the sender or of
     * every mail (authentication, relaying) is the server's configuration: those mails wait. The reply
     * code is read by name, not through Angus' classes, which the application may not see on every server.
     */
    public static boolean recipientRefused(MessagingException e) {
        for (Throwable cause = e;
                cause != null;
                cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
                int code = returnCode(cause);
                String reply = String.valueOf(cause.getMessage());
                return (code == 550 || code == 551 || code == 553) && !reply.contains(" 5.7.");
            }
        }
        return false;
    }

    private static int returnCode(Throwable refusal) {
        try {
            return (Integer) refusal.getClass().getMethod("getReturnCode").invoke(refusal);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    /**
     * The message for an outbox row.
     *
     * @throws AddressException if the recipient cannot be written as an SMTP address: that mail can never
     *     be sent. A domain in Unicode is written in its ASCII form (IDNA); a local part in Unicode would
     *     need SMTPUTF8, and Jakarta Mail would otherwise cut each character to a byte and mail someone else.
     */
    public MimeMessage message(OutgoingMail mail) throws MessagingException {
        SmtpServer server = settings.smtp().orElseThrow();
        MimeMessage message = new StableIdMessage(session(server), mail);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(asciiAddress(mail.recipient()), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date(mail.createdAt().toEpochMilli()));
        // RFC 3834: no auto-replies ("out of office") to a mail no one reads
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    static String asciiAddress(String address) throws AddressException {
        int at = address.lastIndexOf('@');
        if (at <= 0 || !StandardCharsets.US_ASCII.newEncoder().canEncode(address.substring(0, at))) {
            throw new AddressException("not an address SMTP can carry without SMTPUTF8");
        }
        try {
            return address.substring(0, at) + "@" + IDN.toASCII(address.substring(at + 1), 0);
        } catch (IllegalArgumentException e) {
            throw new AddressException("the domain is not a valid internationalised domain name");
        }
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
