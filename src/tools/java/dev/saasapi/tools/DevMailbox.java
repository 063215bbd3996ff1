package dev.saasapi.tools;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The development run's SMTP server (GreenMail, on a free loopback port) when no {@code SMTP_HOST} is
 * set: every mail the app sends is printed on the console with its recipient, subject and links, so
 * that verification and password-reset links can be clicked right there.
 */
final class DevMailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail greenMail;
    private final Thread printer;

    private DevMailbox(GreenMail greenMail, PrintStream out) {
        this.greenMail = greenMail;
        this.printer = new Thread(() -> print(out), "dev-mailbox");
        this.printer.setDaemon(true);
        this.printer.start();
    }

    static DevMailbox start(PrintStream out) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new DevMailbox(greenMail, out);
    }

    /** The settings that send the app's mail here; links point at the development server. */
    Map<String, String> settings(int appPort) {
        return Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(greenMail.getSmtp().getPort()),
                "SMTP_SECURITY", "none",
                "MAIL_FROM", "saas-api <no-reply@localhost>",
                "PUBLIC_URL", "http://localhost:" + appPort);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    private void print(PrintStream out) {
        int printed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = greenMail.getReceivedMessages();
            for (; printed < received.length; printed++) {
                out.println(describe(received[printed]));
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** "[dev] mail to …: subject" and its links, one per line. */
    static String describe(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            StringBuilder text = new StringBuilder("\n[dev] mail to " + to + ": " + message.getSubject());
            Matcher links = LINK.matcher(String.valueOf(message.getContent()));
            while (links.find()) {
                text.append("\n[dev]   ").append(links.group());
            }
            return text.append('\n').toString();
        } catch (MessagingException | IOException e) {
            return "[dev] a mail that cannot be read: " + e;
        }
    }

    @Override
    public void close() {
        printer.interrupt();
        greenMail.stop();
    }
}
