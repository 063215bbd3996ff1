package dev.saasapi.platform.http.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from, as rate limits and session records see it: the peer address, or, when the
 * peer is a trusted proxy ({@code TRUSTED_PROXIES}), the rightmost {@code X-Forwarded-For} address
 * that is not one. Entries to the left of that were written by the client and are never believed.
 */
@ApplicationScoped
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    TrustedProxies proxies;

    /** The client's address, as text ({@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}). */
    public String of(HttpServletRequest request) {
        Optional<InetAddress> peer = IpAddresses.parse(request.getRemoteAddr());
        if (peer.isEmpty()) {
            return request.getRemoteAddr(); // not an IP socket (a test connector, a Unix socket)
        }
        return resolve(peer.get(), forwardedFor(request.getHeaders(FORWARDED_FOR)), proxies::trusts)
                .getHostAddress();
    }

    /**
     * @param chain the {@code X-Forwarded-For} entries, in order (client first, nearest proxy last)
     */
    static InetAddress resolve(
            InetAddress peer, List<String> chain, java.util.function.Predicate<InetAddress> trusted) {
        InetAddress client = peer;
        for (int i = chain.size() - 1; i >= 0 && trusted.test(client); i--) {
            Optional<InetAddress> hop = IpAddresses.parse(chain.get(i));
            if (hop.isEmpty()) {
                break; // garbage from the far side: the last proxy we trust is as far as we can see
            }
            client = hop.get();
        }
        return client;
    }

    static List<String> forwardedFor(Enumeration<String> headers) {
        if (headers == null) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String header : Collections.list(headers)) {
            for (String entry : header.split(",")) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }
}
