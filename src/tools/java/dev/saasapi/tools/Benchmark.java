package dev.saasapi.tools;

import dev.saasapi.accounts.control.PasswordHasher;
import dev.saasapi.platform.ratelimit.control.RateLimitSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark ({@code ./mvnw -Pbenchmark}): starts the packaged WAR the way production does
 * ({@code java -jar payara-micro.jar --deploy ROOT.war} with the pre-boot commands), on an
 * embedded PostgreSQL unless {@code DATABASE_URL} is set, registers a user, then drives each
 * scenario with wrk (2 threads, 32 connections by default) and prints one line per scenario:
 * requests/s, latency percentiles, answers by status and socket errors. The trivial endpoint
 * ({@code GET /health/live}) is the in-run reference the others are compared with; the password
 * hash alone, on all cores, is the reference for login and register. It also prints the time from
 * process start to the first 200 and the resident memory after the load. Runs are repeated and
 * the medians printed, since one run on a shared machine is noise.
 *
 * <p>Settings (system properties, {@code -Dbench.x=...}): {@code bench.runs} (3), {@code
 * bench.duration} seconds per scenario and run (15), {@code bench.warmup} seconds per scenario
 * (30), {@code bench.threads} (2), {@code bench.connections} (32), {@code bench.scenarios}
 * (live,me,login,register; also apikey and refresh), {@code bench.port} (8090), {@code bench.memory} (1g: the memory limit
 * of the container the server is run as; {@code none} for the bare JVM's defaults), {@code
 * bench.java.options} and {@code bench.payara.options} (none: JVM and Payara Micro options to try;
 * with {@code -XX:NativeMemoryTracking=summary} among the JVM options, the JVM's memory by area is
 * printed after the load),
 * {@code bench.rate.limits} ({@code on}: every per-address policy at a limit wrk never reaches, so that
 * each request pays for the limiter but none is refused, and login throttling at its default; {@code
 * off}: every policy and the throttling off; either way a {@code RATE_LIMIT_*} or {@code
 * LOGIN_THROTTLE_MAX_SECONDS} variable in the environment wins).
 */
public final class Benchmark {

    /** The container image's heap share of its memory limit (Dockerfile ENTRYPOINT; a test keeps them equal). */
    public static final String IMAGE_HEAP_SHARE = "-XX:MaxRAMPercentage=50.0";
    /**
     * In a container of less memory than this (or fewer than 2 CPUs), the JVM is not a "server class
     * machine" and picks the serial collector itself; on a larger host it has to be told.
     */
    private static final long SERVER_CLASS_MEMORY_MIB = 1792;

    private static final String PASSWORD = "bench-Passw0rd-1234";
    /** Replaced by a new value at every wrk run: registered emails never repeat across runs. */
    private static final String NONCE = "{nonce}";

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern LATENCY_LINE =
            Pattern.compile("^\\s+Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern STATUSES = Pattern.compile("^statuses:(.*)$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Benchmark() {}

    /**
     * One scenario's figures of one run. Latencies in milliseconds; {@code serverCpuMicros} is the CPU
     * time the server process spent per request (user + system), NaN where it was not measured. On a
     * shared machine it varies far less than throughput, which also depends on what else gets the cores.
     */
    record Result(
            String scenario,
            double requestsPerSecond,
            double p50,
            double p90,
            double p99,
            double max,
            long non2xx,
            Map<String, Long> statuses,
            long socketErrors,
            double serverCpuMicros) {

        Result withServerCpu(double cpuSeconds, int durationSeconds) {
            double requests = requestsPerSecond * durationSeconds;
            return new Result(
                    scenario,
                    requestsPerSecond,
                    p50,
                    p90,
                    p99,
                    max,
                    non2xx,
                    statuses,
                    socketErrors,
                    requests > 0 ? cpuSeconds * 1e6 / requests : Double.NaN);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.scaleout")) {
            ScaleOutBenchmark.main(args);
            return;
        }
        if (!wrkInstalled()) {
            System.err.println("[bench] wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk;"
                    + " on macOS: brew install wrk. Then run ./mvnw -Pbenchmark again.");
            System.exit(2);
        }
        int runs = Integer.getInteger("bench.runs", 3);
        int duration = Integer.getInteger("bench.duration", 15);
        int warmup = Integer.getInteger("bench.warmup", 30);
        int threads = Integer.getInteger("bench.threads", 2);
        int connections = Integer.getInteger("bench.connections", 32);
        int port = Integer.getInteger("bench.port", 8090);
        List<String> scenarios = List.of(
                System.getProperty("bench.scenarios", "live,me,login,register").split(","));
        String base = "http://127.0.0.1:" + port;

        EmbeddedPostgres embedded = null;
        String databaseUrl = System.getenv("DATABASE_URL");
        if (databaseUrl == null || databaseUrl.isBlank()) {
            embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            databaseUrl = "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres";
        }
        Process payara = null;
        try {
            long started = System.nanoTime();
            payara = startPayara(port, databaseUrl);
            double startSeconds = secondsToFirst200(payara, base + "/health/ready", started);
            System.out.printf(
                    Locale.ROOT, "[bench] first 200 from /health/ready %.2f s after process start%n", startSeconds);

            Fixture fixture = fixture(base, scenarios, connections);
            Map<String, List<String>> commands = new LinkedHashMap<>();
            for (String scenario : scenarios) {
                commands.put(scenario.strip(), wrkCommand(scenario.strip(), fixture, threads, connections));
            }

            System.out.printf("[bench] warm-up: %d s per scenario%n", warmup);
            for (List<String> command : commands.values()) {
                wrk(command, warmup);
            }
            List<Result> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, List<String>> scenario : commands.entrySet()) {
                    double cpuBefore = cpuSeconds(payara.pid());
                    String output = wrk(scenario.getValue(), duration);
                    Result result = parse(scenario.getKey(), output)
                            .withServerCpu(cpuSeconds(payara.pid()) - cpuBefore, duration);
                    results.add(result);
                    System.out.println("[bench] run " + run + ": " + line(result));
                }
            }
            long rssKib = residentKib(payara.pid());
            if (System.getProperty("bench.java.options", "").contains("NativeMemoryTracking")) {
                printNativeMemory(payara.pid());
            }
            double hashes = hashesPerSecond(Duration.ofSeconds(Math.min(duration, 10)));

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "saas-api benchmark: %d run(s) of %d s per scenario, wrk -t%d -c%d, %d cores, Java %s%n",
                    runs,
                    duration,
                    threads,
                    connections,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.println("rate limits: " + System.getProperty("bench.rate.limits", "on"));
            System.out.println("medians of the runs:");
            Map<String, Result> medians = new LinkedHashMap<>();
            for (String scenario : commands.keySet()) {
                Result median = median(scenario, results);
                medians.put(scenario, median);
                System.out.println("  " + line(median));
            }
            Result reference = medians.get("live");
            if (reference != null) {
                for (Result result : medians.values()) {
                    System.out.printf(
                            Locale.ROOT,
                            "  %-9s %5.1f%% of live's throughput%n",
                            result.scenario(),
                            100 * result.requestsPerSecond() / reference.requestsPerSecond());
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  argon2id alone: %.1f hashes/s on %d threads (in the benchmark's JVM)%n",
                    hashes,
                    Runtime.getRuntime().availableProcessors());
            for (String hashing : List.of("login", "register")) {
                Result result = medians.get(hashing);
                if (result != null) {
                    long ok = result.statuses().entrySet().stream()
                            .filter(status -> status.getKey().startsWith("2"))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
                    double okPerSecond = result.requestsPerSecond() * ok / Math.max(1, total(result.statuses()));
                    System.out.printf(
                            Locale.ROOT,
                            "  %-9s %.1f successful/s = %.0f%% of the hash alone%n",
                            hashing,
                            okPerSecond,
                            100 * okPerSecond / hashes);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  start-up: first 200 after %.2f s; resident memory after the load: %d MB%n",
                    startSeconds,
                    rssKib / 1024);
        } finally {
            if (payara != null) {
                payara.destroy();
                if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static boolean wrkInstalled() {
        try {
            Process wrk = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            wrk.getInputStream().readAllBytes();
            wrk.waitFor();
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Process startPayara(int port, String databaseUrl) throws Exception {
        return startPayara(port, databaseUrl, List.of(), List.of("--nohazelcast"), privateKey());
    }

    /** {@code prefix} runs the command (taskset), {@code grid} are the data-grid options. */
    static Process startPayara(int port, String databaseUrl, List<String> prefix, List<String> grid, String key)
            throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(PayaraMicroCommand.of(
                containerJvmOptions(System.getProperty("bench.memory", "1g")) + " "
                        + System.getProperty("bench.java.options", ""),
                Path.of(required("payara.micro.jar")),
                Path.of(required("payara.preboot")),
                Path.of(required("app.war")),
                port,
                grid));
        String payaraOptions = System.getProperty("bench.payara.options", "");
        if (!payaraOptions.isBlank()) {
            command.addAll(List.of(payaraOptions.strip().split("\\s+")));
        }
        Path log = Files.createTempFile("bench-payara-", ".log");
        System.out.println("[bench] " + String.join(" ", command) + "  (log: " + log + ")");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().putIfAbsent("JWT_PRIVATE_KEY", key);
        rateLimits(System.getProperty("bench.rate.limits", "on")).forEach(builder.environment()::putIfAbsent);
        return builder.start();
    }

    /**
     * The rate-limit variables of a benchmark run: one address sends every request, so the policies'
     * defaults would refuse nearly all of them; {@code on} keeps the limiter's work on every request at
     * a limit no run reaches.
     */
    static Map<String, String> rateLimits(String mode) {
        String limit = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> "999999999/1m";
            case "off" -> "0";
            default -> throw new IllegalArgumentException("bench.rate.limits must be on or off: " + mode);
        };
        Map<String, String> variables = new LinkedHashMap<>();
        for (String variable : List.of(
                RateLimitSettings.LOGIN_VARIABLE,
                RateLimitSettings.REFRESH_VARIABLE,
                RateLimitSettings.REGISTER_VARIABLE,
                RateLimitSettings.MAIL_VARIABLE,
                RateLimitSettings.TOKEN_VARIABLE,
                RateLimitSettings.MAIL_PER_EMAIL_VARIABLE)) {
            variables.put(variable, limit);
        }
        variables.put(RateLimitSettings.LOGIN_THROTTLE_VARIABLE, limit.equals("0") ? "0" : "900");
        return variables;
    }

    /**
     * The JVM options that make this JVM size itself as the image's JVM does in a container limited to
     * {@code memory} (a size such as {@code 1g} or {@code 768m}), or none for {@code none}.
     */
    static String containerJvmOptions(String memory) {
        if (memory == null || memory.isBlank() || memory.equalsIgnoreCase("none")) {
            return "";
        }
        Matcher size = Pattern.compile("(\\d+)([mMgG])").matcher(memory.strip());
        if (!size.matches()) {
            throw new IllegalArgumentException("bench.memory must be a size such as 1g or 768m, or none: " + memory);
        }
        long mebibytes = Long.parseLong(size.group(1)) * (size.group(2).equalsIgnoreCase("g") ? 1024 : 1);
        String options = "-XX:MaxRAM=" + mebibytes + "m " + IMAGE_HEAP_SHARE;
        return mebibytes < SERVER_CLASS_MEMORY_MIB ? options + " -XX:+UseSerialGC" : options;
    }

    static double secondsToFirst200(Process payara, String url, long started) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (payara.isAlive() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(180)) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Payara did not answer 200 on " + url);
    }

    private static String send(String url, String contentType, String body, int expected) throws Exception {
        return send(url, null, contentType, body, expected);
    }

    private static String send(String url, String token, String contentType, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The wrk Lua script of the scenarios that send bodies (login, register, refresh), from the tools' resources into a file wrk can read. */
    private static Path wrkScript() throws IOException {
        Path script = Files.createTempFile("bench-scripted-", ".lua");
        try (InputStream resource = Benchmark.class.getResourceAsStream("/benchmark/scripted.lua")) {
            Files.copy(resource, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /**
     * What the scenarios act with: the benchmark's account and its access token; for {@code apikey} an
     * organization of that account and an admin key of it; for {@code refresh} a file of refresh
     * tokens, one session per connection and run (each refresh hands its new token to a next request;
     * the script writes the pool back after each run).
     */
    record Fixture(
            String base,
            String email,
            String token,
            String organization,
            String apiKey,
            Path refreshTokens,
            Path script) {}

    static Fixture fixture(String base, List<String> scenarios, int connections) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        send(
                base + "/auth/register",
                "application/json",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                201);
        String token = login(base, email).get("access_token");
        String organization = null;
        String apiKey = null;
        if (scenarios.contains("apikey")) {
            organization =
                    member("id", send(base + "/orgs", token, "application/json", "{\"name\":\"Benchmark\"}", 201));
            apiKey = member(
                    "key",
                    send(
                            base + "/orgs/" + organization + "/api-keys",
                            token,
                            "application/json",
                            "{\"name\":\"benchmark\",\"role\":\"admin\"}",
                            201));
        }
        Path refreshTokens = null;
        if (scenarios.contains("refresh")) {
            refreshTokens = Files.createTempFile("bench-refresh-", ".txt");
            List<String> lines = new ArrayList<>();
            // each run loses the tokens in flight when it stops: enough for the warm-up and every run
            for (int i = 0; i < connections * (Integer.getInteger("bench.runs", 3) + 3); i++) {
                lines.add(login(base, email).get("refresh_token"));
            }
            Files.write(refreshTokens, lines);
        }
        return new Fixture(base, email, token, organization, apiKey, refreshTokens, wrkScript());
    }

    private static Map<String, String> login(String base, String email) throws Exception {
        String body = send(
                base + "/auth/login",
                "application/x-www-form-urlencoded",
                "username=" + email + "&password=" + PASSWORD,
                200);
        return Map.of("access_token", member("access_token", body), "refresh_token", member("refresh_token", body));
    }

    /** A string member of a flat JSON object the service wrote (no escapes in ids, tokens and keys). */
    static String member(String name, String json) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    /** GET scenarios run without a script, which keeps wrk on its fastest path; they count non-2xx. */
    private static List<String> wrkCommand(String scenario, Fixture fixture, int threads, int connections) {
        String base = fixture.base();
        String script = fixture.script().toString();
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "--latency", "--timeout", "10s"));
        switch (scenario) {
            case "live" -> command.add(base + "/health/live");
            case "me" -> command.addAll(List.of("-H", "Authorization: Bearer " + fixture.token(), base + "/users/me"));
            case "apikey" ->
                command.addAll(List.of(
                        "-H", "Authorization: Bearer " + fixture.apiKey(), base + "/orgs/" + fixture.organization()));
            case "refresh" ->
                command.addAll(List.of(
                        "-s",
                        script,
                        base + "/auth/refresh",
                        "--",
                        "refresh",
                        fixture.refreshTokens().toString(),
                        String.valueOf(threads)));
            case "login" ->
                command.addAll(List.of(
                        "-s",
                        script,
                        base + "/auth/login",
                        "--",
                        "login",
                        "username=" + fixture.email().replace("@", "%40") + "&password=" + PASSWORD));
            case "register" ->
                command.addAll(List.of("-s", script, base + "/auth/register", "--", "register", NONCE, PASSWORD));
            default ->
                throw new IllegalArgumentException(
                        "unknown scenario " + scenario + "; use live, me, apikey, refresh, login, register");
        }
        return command;
    }

    static String wrk(List<String> command, int seconds) throws Exception {
        List<String> timed = new ArrayList<>(command);
        timed.add(1, "-d" + seconds + "s"); // before the URL and the script's arguments
        timed.replaceAll(argument -> argument.equals(NONCE) ? UUID.randomUUID().toString() : argument);
        Process wrk = new ProcessBuilder(timed).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    static Result parse(String scenario, String output) {
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        Matcher latency = LATENCY_LINE.matcher(output);
        if (!rps.find() || !latency.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            percentiles.putIfAbsent(percentile.group(1), millis(percentile.group(2)));
        }
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Map<String, Long> statuses = new LinkedHashMap<>();
        Matcher statusLine = STATUSES.matcher(output);
        if (statusLine.find()) {
            for (String pair : statusLine.group(1).strip().split("\\s+")) {
                if (pair.contains("=")) {
                    statuses.put(
                            pair.substring(0, pair.indexOf('=')),
                            Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
            }
        }
        return new Result(
                scenario,
                Double.parseDouble(rps.group(1)),
                percentiles.getOrDefault("50", Double.NaN),
                percentiles.getOrDefault("90", Double.NaN),
                percentiles.getOrDefault("99", Double.NaN),
                millis(latency.group(3)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                statuses,
                errors,
                Double.NaN);
    }

    /** wrk's durations: 812.00us, 3.41ms, 1.20s, 2.00m. */
    static double millis(String duration) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(duration);
        if (!m.matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    /** The run with the median throughput, so that its figures belong together. */
    static Result median(String scenario, List<Result> results) {
        List<Result> runs = results.stream()
                .filter(result -> result.scenario().equals(scenario))
                .sorted(Comparator.comparingDouble(Result::requestsPerSecond))
                .toList();
        return runs.get(runs.size() / 2);
    }

    static String line(Result r) {
        return String.format(
                Locale.ROOT,
                "%-9s %9.1f req/s  server CPU %7.0f us/req  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
                        + "  non-2xx %6d  errors %d  %s",
                r.scenario(),
                r.requestsPerSecond(),
                r.serverCpuMicros(),
                r.p50(),
                r.p90(),
                r.p99(),
                r.max(),
                r.non2xx(),
                r.socketErrors(),
                r.statuses());
    }

    private static long total(Map<String, Long> statuses) {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** User + system CPU time of a process so far, from /proc (Linux), in seconds. */
    static double cpuSeconds(long pid) throws IOException {
        return cpuSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")), clockTicksPerSecond());
    }

    /** Fields 14 and 15 of /proc/PID/stat, counted after the command name, which may hold spaces. */
    static double cpuSeconds(String stat, long ticksPerSecond) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ticksPerSecond;
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String ticks = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(ticks) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100; // the Linux default (USER_HZ)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /**
     * The JVM's own account of its memory by area (committed KB), when the server runs with {@code
     * -XX:NativeMemoryTracking=summary}: what the resident memory is made of.
     */
    private static void printNativeMemory(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process summary = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "VM.native_memory", "summary")
                .redirectErrorStream(true)
                .start();
        String text = new String(summary.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        summary.waitFor();
        System.out.println("  native memory (committed, by area):");
        text.lines()
                .filter(line ->
                        line.contains("committed=") || line.contains("Metadata:") || line.contains("Class space:"))
                .forEach(line -> System.out.println("    " + line.strip()));
    }

    private static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Argon2id with the API's parameters, one thread per core, for {@code time}. */
    private static double hashesPerSecond(Duration time) throws InterruptedException {
        PasswordHasher hasher = new PasswordHasher();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    hasher.hash(PASSWORD);
                    done.increment();
                }
            });
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(time.toMillis());
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    static String privateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is required (./mvnw -Pbenchmark sets it)");
        }
        return value;
    }
}
