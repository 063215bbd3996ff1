package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final Predicate<InetAddress> PROXIES =
            address -> TrustedProxies.parse(Optional.of("10.0.0.0/8, 192.168.1.7, fd00::/8")).stream()
                    .anyMatch(range -> range.contains(address));

    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow(() -> new AssertionError("not an address: " + text));
    }

    private static String client(String peer, String... forwardedFor) {
        return ClientAddresses.resolve(ip(peer), List.of(forwardedFor), PROXIES).getHostAddress();
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeadersSay() {
        assertEquals("203.0.113.7", client("203.0.113.7", "198.51.100.1"));
        assertEquals("203.0.113.7", client("203.0.113.7"));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightmostUntrustedAddress() {
        assertEquals("198.51.100.1", client("10.1.2.3", "198.51.100.1"));
        assertEquals("198.51.100.1", client("10.1.2.3", "6.6.6.6", "198.51.100.1", "192.168.1.7"));
        assertEquals("198.51.100.1", client("10.1.2.3", "198.51.100.1:4711", "10.9.9.9"));
        assertEquals("2001:db8:0:0:0:0:0:1", client("fd00::5", "[2001:db8::1]:443"));
    }

    @Test
    void garbageStopsTheWalkAtTheLastTrustedHop() {
        assertEquals("10.1.2.3", client("10.1.2.3", "unknown"));
        assertEquals("10.9.9.9", client("10.1.2.3", "198.51.100.1", "example.com", "10.9.9.9"));
        assertEquals("10.1.2.3", client("10.1.2.3"), "a trusted proxy that forwards nothing is the client");
    }

    @Test
    void addressLiteralsOnlyNeverHostNames() {
        for (String text : List.of(
                "localhost",
                "example.com",
                "1.2.3",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3.4:99999",
                "[::1",
                "abc",
                "",
                "fe80::1%eth0",
                "::ffff:1.2.3.4.5")) {
            assertEquals(Optional.empty(), IpAddresses.parse(text), text);
        }
        assertEquals("0:0:0:0:0:0:0:1", ip("::1").getHostAddress());
        assertEquals("127.0.0.1", ip(" 127.0.0.1 ").getHostAddress());
    }

    @Test
    void rangesMatchTheirPrefixOnly() {
        TrustedProxies.Range range =
                TrustedProxies.parse(Optional.of("172.16.0.0/12")).get(0);
        assertTrue(range.contains(ip("172.31.255.255")));
        assertTrue(!range.contains(ip("172.32.0.0")));
        assertTrue(!range.contains(ip("::ffff:ac10:1")) || ip("::ffff:ac10:1").getAddress().length == 4);
        assertTrue(TrustedProxies.parse(Optional.of("0.0.0.0/0")).get(0).contains(ip("8.8.8.8")));
        assertEquals(Collections.emptyList(), TrustedProxies.parse(Optional.empty()));
    }

    @Test
    void wrongRangesStopStartUpNamingTheVariable() {
        for (String setting : List.of("10.0.0.0/33", "example.com", "10.0.0.1:80", "10.0.0.0/x", "[::1]", "::/129")) {
            InvalidConfigurationException refused = assertThrows(
                    InvalidConfigurationException.class, () -> TrustedProxies.parse(Optional.of(setting)), setting);
            assertTrue(refused.getMessage().startsWith("TRUSTED_PROXIES must be"), refused.getMessage());
        }
    }
}
