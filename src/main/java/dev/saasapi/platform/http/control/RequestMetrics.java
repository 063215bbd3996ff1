package dev.saasapi.platform.http.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code http_server_requests_seconds} in /metrics: count, sum and quantiles of request durations
 * by method, route and status class (2xx, 4xx, ...). Labels come only from fixed sets (known
 * methods, route templates), so the number of series stays bounded whatever clients send.
 */
@ApplicationScoped
public class RequestMetrics {

    // Declared in nanoseconds so that Payara writes count, sum, mean and max in seconds; Payara
    // 6.2025.10 still writes the quantiles in nanoseconds (fixed in Payara 7)
    private static final Metadata DURATION = Metadata.builder()
            .withName("http_server_requests")
            .withDescription("HTTP requests by method, route and status class, and how long they took")
            .withUnit(MetricUnits.NANOSECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public void record(String method, String route, int status, long nanos) {
        String statusClass = status / 100 + "xx";
        timers.computeIfAbsent(
                        method + ' ' + route + ' ' + statusClass,
                        key -> registry.timer(
                                DURATION,
                                new Tag("method", method),
                                new Tag("route", route),
                                new Tag("status", statusClass)))
                .update(Duration.ofNanos(nanos));
    }
}
