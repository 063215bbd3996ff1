package dev.saasapi.platform.http.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}: comma-separated
 * CIDR ranges or addresses, such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}). Empty by default: the
 * client is the peer, and no header a client can write changes that.
 */
@ApplicationScoped
public class TrustedProxies {

    public static final String VARIABLE = "TRUSTED_PROXIES";

    /** An address range: the first {@code prefix} bits of {@code network}. */
    public record Range(byte[] network, int prefix) {

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }

    @Inject
    Settings settings;

    private volatile List<Range> ranges;

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::ranges);
    }

    /** @throws InvalidConfigurationException when the setting is wrong */
    public List<Range> ranges() {
        List<Range> read = ranges;
        if (read == null) {
            ranges = read = parse(settings.value(VARIABLE));
        }
        return read;
    }

    public boolean trusts(InetAddress address) {
        for (Range range : ranges()) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static List<Range> parse(Optional<String> setting) {
        if (setting.isEmpty()) {
            return List.of();
        }
        List<Range> parsed = new ArrayList<>();
        for (String item : setting.get().split(",")) {
            String entry = item.strip();
            if (!entry.isEmpty()) {
                parsed.add(range(entry));
            }
        }
        return Collections.unmodifiableList(parsed);
    }

    private static Range range(String entry) {
        String mustBe = "a comma-separated list of IP addresses and CIDR ranges, such as 10.0.0.0/8, 192.168.1.7";
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (address.contains("[") || IpAddresses.parse(address).isEmpty() || hasPort(address)) {
            throw Settings.invalid(VARIABLE, mustBe);
        }
        byte[] network = IpAddresses.parse(address).orElseThrow().getAddress();
        int bits = network.length * 8;
        int prefix =
                slash < 0 ? bits : (int) Settings.wholeNumber(VARIABLE, entry.substring(slash + 1), 0, bits, mustBe);
        return new Range(network, prefix);
    }

    /** "10.0.0.1:80" parses as an address with a port; a proxy list has none. */
    private static boolean hasPort(String address) {
        return address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':');
    }
}
