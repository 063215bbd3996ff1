package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client writes into {@code X-Forwarded-For}, it cannot choose the address it is limited by:
 * an untrusted peer is always the client, and behind trusted proxies the client is an address that a
 * trusted hop reported, with only trusted hops to its right.
 */
class ClientAddressesPropertiesTest {

    private static final Predicate<InetAddress> PROXIES =
            address -> TrustedProxies.parse(Optional.of("10.0.0.0/8")).get(0).contains(address);

    @Property(tries = 3000)
    void anUntrustedPeerIsTheClient(@ForAll("peers") String peer, @ForAll("chains") List<String> chain) {
        InetAddress address = IpAddresses.parse(peer).orElseThrow();
        if (!PROXIES.test(address)) {
            assertEquals(address, ClientAddresses.resolve(address, chain, PROXIES));
        }
    }

    @Property(tries = 3000)
    void behindTrustedProxiesOnlyTrustedHopsAreRightOfTheClient(
            @ForAll("trustedPeers") String peer, @ForAll("chains") List<String> chain) {
        InetAddress client = ClientAddresses.resolve(IpAddresses.parse(peer).orElseThrow(), chain, PROXIES);
        if (PROXIES.test(client)) {
            return; // the peer, or a trusted hop where the walk ended (the chain's end, or garbage left of it)
        }
        boolean reported = false;
        for (int i = 0; i < chain.size() && !reported; i++) {
            if (IpAddresses.parse(chain.get(i)).filter(client::equals).isPresent()) {
                reported = chain.subList(i + 1, chain.size()).stream()
                        .allMatch(hop -> IpAddresses.parse(hop).filter(PROXIES).isPresent());
            }
        }
        assertTrue(reported, () -> client + " was not reported by trusted hops alone in " + chain);
    }

    @Property(tries = 3000)
    void anyTextParsesToAnAddressOrNothingWithoutAnException(@ForAll String text) {
        IpAddresses.parse(text)
                .ifPresent(
                        address -> assertTrue(address.getAddress().length == 4 || address.getAddress().length == 16));
    }

    @Provide
    Arbitrary<String> peers() {
        return Arbitraries.oneOf(trustedPeers(), ipv4());
    }

    @Provide
    Arbitrary<String> trustedPeers() {
        return Arbitraries.integers()
                .between(0, 255)
                .list()
                .ofSize(3)
                .map(parts -> "10." + parts.get(0) + "." + parts.get(1) + "." + parts.get(2));
    }

    @Provide
    Arbitrary<List<String>> chains() {
        return Arbitraries.oneOf(
                        trustedPeers(),
                        ipv4(),
                        ipv4().map(ip -> ip + ":" + 8080),
                        Arbitraries.of("unknown", "", "[::1]:80", "2001:db8::1", "example.com", "10.0.0.1, 1.2.3.4"),
                        Arbitraries.strings().ofMaxLength(20))
                .list()
                .ofMaxSize(6);
    }

    private static Arbitrary<String> ipv4() {
        return Arbitraries.integers()
                .between(0, 255)
                .list()
                .ofSize(4)
                .map(parts -> parts.get(0) + "." + parts.get(1) + "." + parts.get(2) + "." + parts.get(3));
    }
}
