package dev.saasapi.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /users/me} on one instance pinned to one core, then on two instances in cluster mode
 * pinned to a core each ({@code taskset}), both on one embedded PostgreSQL: does the throughput double?
 * {@code ./mvnw -Pbenchmark -Dbench.scaleout=true}; the same runs, duration and warm-up settings as
 * {@link Benchmark}, each instance driven by its own wrk with half the connections. Linux only.
 */
final class ScaleOutBenchmark {

    private ScaleOutBenchmark() {}

    record Phase(String name, double requestsPerSecond, double cpuMicrosPerRequest, double p99) {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        int duration = Integer.getInteger("bench.duration", 15);
        int warmup = Integer.getInteger("bench.warmup", 30);
        int connections = Integer.getInteger("bench.connections", 32);
        int port = Integer.getInteger("bench.port", 8090);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String databaseUrl = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
            String key = Benchmark.privateKey();
            List<Phase> phases = new ArrayList<>();
            phases.add(phase(
                    "one instance, core 0", List.of(port), databaseUrl, key, runs, duration, warmup, connections));
            phases.add(phase(
                    "two instances, cores 0 and 1",
                    List.of(port, port + 1),
                    databaseUrl,
                    key,
                    runs,
                    duration,
                    warmup,
                    connections));
            System.out.println();
            System.out.printf(
                    Locale.ROOT, "saas-api scale-out: GET /users/me, %d run(s) of %d s, medians%n", runs, duration);
            for (Phase phase : phases) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-30s %8.1f req/s  server CPU %6.0f us/req  p99 %7.2f ms%n",
                        phase.name(),
                        phase.requestsPerSecond(),
                        phase.cpuMicrosPerRequest(),
                        phase.p99());
            }
            System.out.printf(
                    Locale.ROOT,
                    "  two instances: %.2f x the throughput of one%n",
                    phases.get(1).requestsPerSecond() / phases.get(0).requestsPerSecond());
        }
    }

    private static Phase phase(
            String name,
            List<Integer> ports,
            String databaseUrl,
            String key,
            int runs,
            int duration,
            int warmup,
            int connections)
            throws Exception {
        List<Process> instances = new ArrayList<>();
        try {
            String members = String.join(
                    ",",
                    ports.stream().map(port -> "127.0.0.1:" + (port + 1000)).toList());
            for (int i = 0; i < ports.size(); i++) {
                List<String> grid = ports.size() == 1
                        ? List.of("--nohazelcast")
                        : List.of(
                                "--clustermode",
                                "tcpip:" + members,
                                "--clustername",
                                "saas-api-bench",
                                "--interfaces",
                                "127.0.0.1",
                                "--startport",
                                String.valueOf(ports.get(i) + 1000));
                instances.add(Benchmark.startPayara(
                        ports.get(i), databaseUrl, List.of("taskset", "-c", String.valueOf(i)), grid, key));
                long started = System.nanoTime();
                Benchmark.secondsToFirst200(
                        instances.get(i), "http://127.0.0.1:" + ports.get(i) + "/health/ready", started);
            }
            String base = "http://127.0.0.1:" + ports.get(0);
            String token = Benchmark.fixture(base, List.of("me"), connections).token();
            int each = connections / ports.size();
            List<List<String>> commands = new ArrayList<>();
            for (int port : ports) {
                commands.add(new ArrayList<>(List.of(
                        "wrk",
                        "-t1",
                        "-c" + each,
                        "--latency",
                        "--timeout",
                        "10s",
                        "-H",
                        "Authorization: Bearer " + token,
                        "http://127.0.0.1:" + port + "/users/me")));
            }
            System.out.printf("[bench] %s: warm-up %d s%n", name, warmup);
            drive(commands, warmup);
            List<Benchmark.Result> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double cpuBefore = cpu(instances);
                List<Benchmark.Result> parts = drive(commands, duration);
                double cpu = cpu(instances) - cpuBefore;
                double total = parts.stream()
                        .mapToDouble(Benchmark.Result::requestsPerSecond)
                        .sum();
                double p99 =
                        parts.stream().mapToDouble(Benchmark.Result::p99).max().orElse(Double.NaN);
                Benchmark.Result sum = new Benchmark.Result(
                                "me",
                                total,
                                Double.NaN,
                                Double.NaN,
                                p99,
                                Double.NaN,
                                parts.stream()
                                        .mapToLong(Benchmark.Result::non2xx)
                                        .sum(),
                                Map.of(),
                                parts.stream()
                                        .mapToLong(Benchmark.Result::socketErrors)
                                        .sum(),
                                Double.NaN)
                        .withServerCpu(cpu, duration);
                results.add(sum);
                System.out.printf(Locale.ROOT, "[bench] %s, run %d: %s%n", name, run, Benchmark.line(sum));
            }
            Benchmark.Result median = Benchmark.median("me", results);
            return new Phase(name, median.requestsPerSecond(), median.serverCpuMicros(), median.p99());
        } finally {
            for (Process instance : instances) {
                instance.destroy();
                if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                    instance.destroyForcibly();
                }
            }
        }
    }

    /** Runs the wrk commands at once for {@code seconds}; their results. */
    private static List<Benchmark.Result> drive(List<List<String>> commands, int seconds) throws Exception {
        List<CompletableFuture<Benchmark.Result>> running = new ArrayList<>();
        for (List<String> command : commands) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Benchmark.parse("me", Benchmark.wrk(command, seconds));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    private static double cpu(List<Process> instances) throws Exception {
        double seconds = 0;
        for (Process instance : instances) {
            seconds += Benchmark.cpuSeconds(instance.pid());
        }
        return seconds;
    }
}
