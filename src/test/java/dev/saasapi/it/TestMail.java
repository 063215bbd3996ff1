package dev.saasapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a loopback port a Payara process is told about.
 * The suite's server sends to {@link #suite()}; tests that start servers of their own start their own.
 */
public final class TestMail implements AutoCloseable {

    /** Where the suite's server says its pages are; links in its mails start with it. */
    public static final String SUITE_PUBLIC_URL = "https://app.saas-api.test";

    public static final String SENDER = "no-reply@saas-api.test";

    private static volatile TestMail suite;

    private final ServerSetup setup;
    private final List<MimeMessage> received = new ArrayList<>();
    private GreenMail greenMail;
    private int port;

    private TestMail(ServerSetup setup) {
        this.setup = setup;
    }

    /** A new SMTP server on a free loopback port, started. */
    public static TestMail start() {
        TestMail mail = new TestMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.up();
        return mail;
    }

    /** The suite server's mail, started by {@link TestEnvironment}. */
    public static TestMail suite() {
        if (suite == null) {
            throw new IllegalStateException("the suite's SMTP server is started by TestEnvironment");
        }
        return suite;
    }

    static void startSuite() {
        suite = start();
    }

    static void stopSuite() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
    }

    /** Starts it again on the same port, after {@link #down()}. */
    public synchronized void up() {
        greenMail = new GreenMail(port == 0 ? setup : new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        port = greenMail.getSmtp().getPort();
    }

    /** Stops listening: the server's deliveries fail as with an SMTP outage. Received mail is kept. */
    public synchronized void down() {
        received.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        greenMail.stop();
    }

    public synchronized int port() {
        return port;
    }

    /** The settings that send a server's mail here. */
    public java.util.Map<String, String> settings(String publicUrl) {
        return java.util.Map.of(
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                String.valueOf(port()),
                "SMTP_SECURITY",
                "none",
                "MAIL_FROM",
                SENDER,
                "PUBLIC_URL",
                publicUrl);
    }

    /** Every mail received so far for this address (case-insensitive), oldest first. */
    public synchronized List<MimeMessage> to(String recipient) {
        List<MimeMessage> all = new ArrayList<>(received);
        all.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : all) {
            if (recipients(message).stream().anyMatch(address -> address.equalsIgnoreCase(recipient))) {
                found.add(message);
            }
        }
        return found;
    }

    /** Waits until {@code count} mails reached this address, then returns them. */
    public List<MimeMessage> await(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> found = to(recipient);
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(100);
            found = to(recipient);
        }
        if (found.size() < count) {
            fail(count + " mails expected for " + recipient + " within " + timeout + ", got " + found.size());
        }
        return found;
    }

    /** Waits for the one mail to this address whose subject contains {@code subject}. */
    public MimeMessage awaitOne(String recipient, String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> matching = withSubject(recipient, subject);
            if (!matching.isEmpty()) {
                assertEquals(1, matching.size(), "one mail \"" + subject + "\" for " + recipient);
                return matching.get(0);
            }
            sleep(100);
        }
        return fail("no mail \"" + subject + "\" for " + recipient + " within 20 s; got " + subjects(recipient));
    }

    /** The mails to this address whose subject contains {@code subject}, now. */
    public List<MimeMessage> withSubject(String recipient, String subject) {
        return to(recipient).stream().filter(m -> subject(m).contains(subject)).toList();
    }

    public List<String> subjects(String recipient) {
        return to(recipient).stream().map(TestMail::subject).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            assertTrue(content instanceof String, "a plain-text mail");
            return ((String) content).replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one link in the mail to the page {@code path} (such as {@code /account/verify-email}). */
    public static String link(MimeMessage message, String publicUrl, String path) {
        Matcher matcher =
                Pattern.compile(Pattern.quote(publicUrl + path) + "\\S*").matcher(text(message));
        if (!matcher.find()) {
            fail("no link to " + publicUrl + path + " in:\n" + text(message));
        }
        return matcher.group();
    }

    /** The token in a link's fragment ({@code #token=…}). */
    public static String token(String link) {
        Matcher matcher = Pattern.compile("#token=([A-Za-z0-9_-]+)$").matcher(link);
        if (!matcher.find()) {
            fail("no #token= fragment in " + link);
        }
        return matcher.group(1);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all)
                            .map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
                            .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (greenMail != null && greenMail.isRunning()) {
            greenMail.stop();
        }
    }
}
