package dev.saasapi.platform.http.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals as they appear in {@code X-Forwarded-For} and in settings, parsed without ever
 * asking DNS: {@link InetAddress#getByName} would look up anything that is not a literal.
 */
public final class IpAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Hex digits and colons, optionally an IPv4 tail; at least one colon, so never a host name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {}

    /**
     * The address in {@code text}: an IPv4 or IPv6 literal, in brackets or not, with a port or not
     * ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:443}); empty for anything else.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0 || !(close == literal.length() - 1 || port(literal.substring(close + 1)))) {
                return Optional.empty();
            }
            literal = literal.substring(1, close);
            return IPV6.matcher(literal).matches() ? literal(literal) : Optional.empty();
        }
        int colon = literal.indexOf(':');
        if (colon > 0 && literal.indexOf(':', colon + 1) < 0) { // one colon: IPv4 with a port
            if (!port(literal.substring(colon))) {
                return Optional.empty();
            }
            literal = literal.substring(0, colon);
        }
        if (IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches() && literal.indexOf(':') >= 0) {
            return literal(literal);
        }
        return Optional.empty();
    }

    private static boolean port(String text) {
        return text.matches(":\\d{1,5}") && Integer.parseInt(text.substring(1)) <= 65535;
    }

    private static Optional<InetAddress> literal(String literal) {
        if (literal.length() > 45 || literal.contains("%")) {
            return Optional.empty(); // longer than any IPv6 text; zone ids are not for clients
        }
        try {
            return Optional.of(InetAddress.getByName(literal)); // a literal: no lookup
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
