package dev.saasapi.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    private static final String WRK = """
            Running 15s test @ http://127.0.0.1:8090/auth/login
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   612.33ms  180.12ms   1.20s    70.00%
                Req/Sec    26.10     10.32    50.00     66.67%
              Latency Distribution
                 50%  650.00ms
                 75%  700.10ms
                 90%  812.00us
                 99%    1.10s
              783 requests in 15.02s, 512.10KB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 83
            Requests/sec:     52.13
            Transfer/sec:     34.10KB
            statuses: 200=700 503=83
            """;

    @Test
    void readsThroughputPercentilesStatusesAndErrorsFromWrk() {
        Benchmark.Result result = Benchmark.parse("login", WRK);
        assertEquals(52.13, result.requestsPerSecond());
        assertEquals(650.0, result.p50());
        assertEquals(0.812, result.p90(), 1e-9);
        assertEquals(1100.0, result.p99());
        assertEquals(1200.0, result.max());
        assertEquals(83, result.non2xx());
        assertEquals(3, result.socketErrors());
        assertEquals(Map.of("200", 700L, "503", 83L), result.statuses());
    }

    @Test
    void theMedianIsTheMiddleRunWithAllItsFigures() {
        List<Benchmark.Result> runs = List.of(
                new Benchmark.Result("me", 3000, 1, 2, 30, 40, 0, Map.of(), 0, Double.NaN),
                new Benchmark.Result("me", 5000, 3, 4, 10, 20, 0, Map.of(), 0, Double.NaN),
                new Benchmark.Result("live", 9000, 1, 1, 1, 1, 0, Map.of(), 0, Double.NaN),
                new Benchmark.Result("me", 4000, 2, 3, 20, 30, 0, Map.of(), 0, Double.NaN));
        Benchmark.Result median = Benchmark.median("me", runs);
        assertEquals(4000, median.requestsPerSecond());
        assertEquals(20, median.p99());
    }

    @Test
    void readsTheServersCpuTimeFromProcEvenWithSpacesInItsName() {
        String stat = "4711 (java main) S 1 4711 4711 0 -1 4194560 81 0 0 0 1234 566 0 0 20 0 200 0 12 999 1 1";

        assertEquals(18.0, Benchmark.cpuSeconds(stat, 100), 1e-9);
        Benchmark.Result run = Benchmark.parse("me", WRK).withServerCpu(1.5, 15);
        assertEquals(1.5e6 / (52.13 * 15), run.serverCpuMicros(), 1e-6);
    }

    @Test
    void sizesTheJvmAsTheImageDoesInAContainerOfTheGivenMemory() {
        assertEquals(
                "-XX:MaxRAM=1024m " + Benchmark.IMAGE_HEAP_SHARE + " -XX:+UseSerialGC",
                Benchmark.containerJvmOptions("1g"));
        assertEquals(
                "-XX:MaxRAM=768m " + Benchmark.IMAGE_HEAP_SHARE + " -XX:+UseSerialGC",
                Benchmark.containerJvmOptions("768M"));
        // From about 1.75 GiB on, the JVM picks its default collector (G1) in the container too.
        assertEquals("-XX:MaxRAM=2048m " + Benchmark.IMAGE_HEAP_SHARE, Benchmark.containerJvmOptions("2g"));
        assertEquals("", Benchmark.containerJvmOptions("none"));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.containerJvmOptions("1 GiB"));
    }

    @Test
    void rateLimitsOnLetEveryPolicyRunWithoutRefusingAndOffTurnsThemAllOff() {
        Map<String, String> on = Benchmark.rateLimits("on");
        Map<String, String> off = Benchmark.rateLimits("off");
        assertEquals(on.keySet(), off.keySet());
        on.forEach((variable, value) -> {
            if (variable.startsWith("RATE_LIMIT_")) {
                long limit =
                        RateLimitSettings.parse(variable, value).orElseThrow().limit();
                assertTrue(limit > 100_000_000, variable);
                assertEquals(
                        0,
                        RateLimitSettings.parse(variable, off.get(variable))
                                .orElseThrow()
                                .limit(),
                        variable);
            }
        });
        assertEquals("900", on.get(RateLimitSettings.LOGIN_THROTTLE_VARIABLE));
        assertEquals("0", off.get(RateLimitSettings.LOGIN_THROTTLE_VARIABLE));
        assertEquals(7, on.size());
        assertThrows(IllegalArgumentException.class, () -> Benchmark.rateLimits("maybe"));
    }
}
