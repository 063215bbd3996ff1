package dev.saasapi.platform.mail.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where mail goes ({@code SMTP_*}, {@code MAIL_FROM}) and where the links in it point ({@code
 * PUBLIC_URL}), read and checked once at start-up. Without {@code SMTP_HOST} no mail is sent, which
 * start-up says once.
 */
@ApplicationScoped
public class MailSettings {

    public static final String HOST_VARIABLE = "SMTP_HOST";
    public static final String PORT_VARIABLE = "SMTP_PORT";
    public static final String USERNAME_VARIABLE = "SMTP_USERNAME";
    public static final String PASSWORD_VARIABLE = "SMTP_PASSWORD";
    public static final String SECURITY_VARIABLE = "SMTP_SECURITY";
    public static final String FROM_VARIABLE = "MAIL_FROM";
    public static final String PUBLIC_URL_VARIABLE = "PUBLIC_URL";
    static final int DEFAULT_PORT = 587;

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS,
        /** Neither: only for a server on the same host or network (a development mail catcher). */
        NONE
    }

    /** An SMTP server and what to sign mails with; the password is never part of the text. */
    public record SmtpServer(
            String host, int port, Security security, Optional<String> username, Optional<String> password) {
        @Override
        public String toString() {
            return host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** Everything read, in one immutable object. */
    public record Values(Optional<SmtpServer> smtp, Optional<InternetAddress> from, Optional<URI> publicUrl) {}

    @Inject
    Settings settings;

    private volatile Values values;

    /** A wrong setting stops the start-up naming the variable; no SMTP server is said once. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(() -> {
            if (values().smtp().isEmpty()) {
                LOG.warning(HOST_VARIABLE + " is not set: no mail is sent (email verification, password reset)");
            }
        });
    }

    /** The SMTP server mail goes to; empty when mail is off. */
    public Optional<SmtpServer> smtp() {
        return values().smtp();
    }

    /** The sender of every mail; present whenever {@link #smtp()} is. */
    public InternetAddress from() {
        return values().from().orElseThrow(() -> new IllegalStateException(FROM_VARIABLE + " is not set"));
    }

    /** The name in {@code MAIL_FROM}, else the host of {@code PUBLIC_URL}. */
    public String productName() {
        Values read = values();
        return read.from()
                .map(InternetAddress::getPersonal)
                .filter(name -> !name.isBlank())
                .or(() -> read.publicUrl().map(URI::getHost))
                .orElse("saas-api");
    }

    /**
     * A page of the service as users reach it: {@code PUBLIC_URL} followed by {@code path}.
     *
     * @param path starts with a slash, such as {@code /account/verify-email}
     */
    public String publicPage(String path) {
        URI base =
                values().publicUrl().orElseThrow(() -> new IllegalStateException(PUBLIC_URL_VARIABLE + " is not set"));
        return base + path;
    }

    /** @throws InvalidConfigurationException naming the variable that is wrong */
    public Values values() {
        Values read = values;
        if (read == null) {
            values = read = read(settings);
        }
        return read;
    }

    static Values read(Settings settings) {
        Optional<URI> publicUrl = settings.value(PUBLIC_URL_VARIABLE).map(MailSettings::publicUrl);
        Optional<InternetAddress> from = settings.value(FROM_VARIABLE).map(MailSettings::sender);
        Optional<String> host = settings.value(HOST_VARIABLE);
        if (host.isEmpty()) {
            return new Values(Optional.empty(), from, publicUrl);
        }
        if (from.isEmpty()) {
            throw Settings.invalid(FROM_VARIABLE, "set when " + HOST_VARIABLE + " is: the sender of every mail");
        }
        if (publicUrl.isEmpty()) {
            throw Settings.invalid(
                    PUBLIC_URL_VARIABLE, "set when " + HOST_VARIABLE + " is: where the links in mails point");
        }
        int port = (int) Settings.wholeNumber(
                PORT_VARIABLE,
                settings.value(PORT_VARIABLE, String.valueOf(DEFAULT_PORT)),
                1,
                65535,
                "a port number from 1 to 65535");
        Security security = Settings.oneOf(
                SECURITY_VARIABLE,
                settings.value(SECURITY_VARIABLE, "starttls"),
                Map.of("starttls", Security.STARTTLS, "tls", Security.TLS, "none", Security.NONE),
                "starttls, tls or none");
        Optional<String> username = settings.value(USERNAME_VARIABLE);
        Optional<String> password = settings.value(PASSWORD_VARIABLE);
        if (username.isPresent() && password.isEmpty()) {
            throw Settings.invalid(PASSWORD_VARIABLE, "set together with " + USERNAME_VARIABLE);
        }
        if (password.isPresent() && username.isEmpty()) {
            throw Settings.invalid(USERNAME_VARIABLE, "set together with " + PASSWORD_VARIABLE);
        }
        if (host.get().contains(":") || host.get().contains("/") || host.get().contains(" ")) {
            throw Settings.invalid(HOST_VARIABLE, "a host name or address alone (the port is " + PORT_VARIABLE + ")");
        }
        return new Values(Optional.of(new SmtpServer(host.get(), port, security, username, password)), from, publicUrl);
    }

    /** {@code Example <no-reply@example.com>} or a bare address. */
    static InternetAddress sender(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            if (address.isGroup() || !address.getAddress().contains("@")) {
                throw new AddressException("not a single address");
            }
            return address;
        } catch (AddressException e) {
            throw Settings.invalid(FROM_VARIABLE, "an address such as \"Example <no-reply@example.com>\"");
        }
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
    static URI publicUrl(String text) {
        String mustBe = "an absolute http or https URL without query or fragment, such as https://app.example.com";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw Settings.invalid(PUBLIC_URL_VARIABLE, mustBe);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw Settings.invalid(PUBLIC_URL_VARIABLE, mustBe);
        }
        String normalized = uri.toString();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return URI.create(normalized);
    }
}
