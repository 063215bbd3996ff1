package dev.saasapi.delivery;

import static dev.saasapi.delivery.DeliveryFiles.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.delivery.DeliveryFiles.Dockerfile;
import dev.saasapi.tools.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the delivery files against the project and against each other, since no Docker engine or
 * GitHub runner executes them here: versions, variables, commands and paths that must agree.
 * (The linters in .ci/lint check their syntax; ContainerImageIT runs the image's command.)
 */
class DeliveryFilesTest {

    /** Variables read by the development run, the tests or the compose file rather than the app. */
    private static final Map<String, String> TOOL_VARIABLES = Map.of(
            "PORT", "src/tools/java/dev/saasapi/tools/DevServer.java",
            "JAVA_OPTS", "src/tools/java/dev/saasapi/tools/DevServer.java",
            "TEST_DATABASE_URL", "src/test/java/dev/saasapi/it/TestEnvironment.java",
            "POSTGRES_PASSWORD", "docker-compose.yml",
            "JAVA_TOOL_OPTIONS", "docker-compose.yml");

    private final Dockerfile dockerfile = DeliveryFiles.dockerfile();
    private final Dockerfile image = dockerfile.finalStage();
    private final Map<String, Object> compose = DeliveryFiles.yaml("docker-compose.yml");
    private final Map<String, Object> workflow = DeliveryFiles.yaml(".github/workflows/test.yml");

    @Test
    void imageRunsThePayaraMicroVersionOfThePomOnTheBuildsJdk() {
        String payara = DeliveryFiles.pomProperty("payara.version");
        int release = Integer.parseInt(DeliveryFiles.pomProperty("maven.compiler.release"));
        Matcher runtime = Pattern.compile("payara/micro:(\\S+)-jdk(\\d+)")
                .matcher(image.only("FROM").arguments());
        assertTrue(runtime.matches(), "the image runs on the official payara/micro image: " + image.only("FROM"));
        assertEquals(payara, runtime.group(1), "Payara Micro version of the image vs pom.xml");

        Matcher build = Pattern.compile("eclipse-temurin:(\\d+)\\.\\S*-jdk AS build")
                .matcher(dockerfile.stage("build").only("FROM").arguments());
        assertTrue(build.matches(), "the WAR is built on a pinned Temurin JDK");
        assertEquals(build.group(1), runtime.group(2), "the image runs on the JDK it was built and tested with");
        assertTrue(Integer.parseInt(runtime.group(2)) >= release, "JDK of the image >= maven.compiler.release");
    }

    @Test
    void everyVariableTheAppReadsIsInEnvExampleAndTheReadmeTable() {
        Set<String> read = DeliveryFiles.applicationVariables();
        assertTrue(
                read.containsAll(Set.of("DATABASE_URL", "JWT_PRIVATE_KEY", "ACCESS_TOKEN_EXPIRE_MINUTES")), "" + read);
        assertEquals(List.of(), DeliveryFiles.settingReadsOutsideConstants(), "settings read without a constant");

        assertEquals(Set.of(), missing(read, DeliveryFiles.envExampleVariables()), "missing from .env.example");
        assertEquals(Set.of(), missing(read, DeliveryFiles.readmeConfigurationVariables()), "missing from README");
    }

    @Test
    void theTestsKeepEveryApplicationVariableOfTheDevelopersShellAwayFromTheServers() {
        Set<String> kept =
                Set.of(DeliveryFiles.pomProperty("app.environment.variables").split("\\s*,\\s*"));
        assertEquals(DeliveryFiles.applicationVariables(), new TreeSet<>(kept));
    }

    @Test
    void theReadmeAndEnvExampleDocumentOnlyVariablesThatSomethingReads() {
        Set<String> documented = new TreeSet<>(DeliveryFiles.readmeConfigurationVariables());
        assertEquals(Set.of(), missing(DeliveryFiles.envExampleVariables(), documented), "in .env.example only");
        documented.removeAll(DeliveryFiles.applicationVariables());
        for (String variable : documented) {
            String reader = TOOL_VARIABLES.get(variable);
            assertTrue(reader != null, variable + " is in the README but nothing reads it");
            assertTrue(DeliveryFiles.read(reader).contains(variable), variable + " is not read by " + reader);
        }
    }

    @Test
    void composeHandsEveryApplicationVariableToTheApp() {
        Map<String, Object> app = map(compose, "services", "app");
        Set<String> passed = map(app, "environment").keySet();
        Set<String> read = DeliveryFiles.applicationVariables();
        assertEquals(Set.of(), missing(read, passed), "application variables the compose app cannot receive");
        Set<String> unknown = new TreeSet<>(passed);
        unknown.removeAll(read);
        assertEquals(Set.of("JAVA_TOOL_OPTIONS"), unknown, "compose sets variables the app does not read");
        assertEquals(".", app.get("build"), "the app is built from the Dockerfile");
        // the image's heap share of this limit is what the benchmark measures (Benchmark.IMAGE_HEAP_SHARE)
        assertEquals("1g", app.get("mem_limit"));
        assertEquals("service_healthy", map(app, "depends_on", "db").get("condition"));
        assertTrue(map(app, "environment").get("DATABASE_URL").toString().contains("@db:5432/"));
    }

    @Test
    void composeTestsServiceRunsTheReadmeTestCommandAgainstItsOwnDatabase() {
        Map<String, Object> tests = map(compose, "services", "tests");
        assertEquals(DeliveryFiles.readmeTestCommand(), tests.get("command"));
        dockerfile.stage(map(tests, "build").get("target").toString()); // a stage of the Dockerfile
        assertTrue(map(tests, "environment").get("TEST_DATABASE_URL").toString().contains("@test_db:5432/"));
        assertEquals("service_healthy", map(tests, "depends_on", "test_db").get("condition"));

        Map<String, Object> testDb = map(compose, "services", "test_db");
        Map<String, Object> db = map(compose, "services", "db");
        assertTrue(testDb.containsKey("tmpfs"), "test data lives in memory");
        assertEquals(db.get("image"), testDb.get("image"), "tests run on the PostgreSQL version of production");
        assertEquals("postgres:16", db.get("image"));
        assertNotEquals(hostPort(db), hostPort(testDb), "test_db has a host port of its own");
        assertTrue(map(db, "healthcheck").get("test").toString().contains("pg_isready"));
    }

    @Test
    void workflowRunsTheReadmeTestCommandAgainstAPostgresService() {
        Map<String, Object> job = map(workflow, "jobs", "test");
        String postgres = map(job, "services", "postgres").get("image").toString();
        assertEquals(map(compose, "services", "db").get("image"), postgres);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        Map<String, Object> test = steps.stream()
                .filter(step -> DeliveryFiles.readmeTestCommand().equals(step.get("run")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step runs the README's test command"));
        assertTrue(map(test, "env").get("TEST_DATABASE_URL").toString().contains("@localhost:5432/"));
        assertTrue(
                steps.stream()
                        .anyMatch(step -> String.valueOf(step.get("uses")).startsWith("actions/upload-artifact@")
                                && "failure()".equals(step.get("if"))),
                "test reports are uploaded when the tests fail");
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"));
    }

    @Test
    void workflowActionsArePinnedToACommitWithItsVersionAlongside() {
        Matcher uses = Pattern.compile("uses: (\\S+)(.*)").matcher(DeliveryFiles.read(".github/workflows/test.yml"));
        int count = 0;
        while (uses.find()) {
            count++;
            assertTrue(
                    uses.group(1).matches("[\\w-]+/[\\w-]+@[0-9a-f]{40}"), "not pinned to a commit: " + uses.group());
            assertTrue(uses.group(2).matches(" # v\\d+\\.\\d+\\.\\d+"), "no version comment: " + uses.group());
        }
        assertTrue(count >= 3, "expected checkout, setup-java and upload-artifact");
    }

    @Test
    void ciRunsTheLintersAndTheReadmeTestCommand() {
        List<String> lines =
                DeliveryFiles.read(".ci/run").lines().map(String::strip).toList();
        assertTrue(lines.contains(DeliveryFiles.readmeTestCommand()), "" + lines);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(".ci/lint/run")), "" + lines);
    }

    @Test
    void imageRunsUnprivilegedOnOneNodeWithContainerAwareMemory() {
        String user = image.only("USER").arguments();
        assertFalse(user.matches("(root|0)(:.*)?"), "runs as " + user);
        List<String> command = image.command();
        // The benchmark sizes its JVM the same way, to measure the memory the image would use.
        assertTrue(command.contains(Benchmark.IMAGE_HEAP_SHARE), "" + command);
        assertTrue(command.contains("--nohazelcast"), "" + command);
        String port = command.get(command.indexOf("--port") + 1);
        assertEquals(port, image.only("EXPOSE").arguments());
        String healthcheck = image.only("HEALTHCHECK").arguments();
        assertTrue(healthcheck.contains("/dev/tcp/127.0.0.1/" + port), healthcheck);
        assertTrue(healthcheck.contains("GET /health/ready "), healthcheck);
        assertFalse(
                image.instructions().stream()
                        .anyMatch(i -> i.keyword().equals("ENV")
                                && i.arguments().matches("(?s).*(DATABASE_URL|JWT_PRIVATE_KEY|PASSWORD).*")),
                "no secret is baked into the image");
    }

    @Test
    void imageCommandUsesTheProjectsPayaraConfigurationAndWar() throws Exception {
        List<String> command = image.command();
        Path preboot = dockerfile.projectFileOf(command.get(command.indexOf("--prebootcommandfile") + 1));
        assertEquals(Path.of("payara", "pre-boot-commands.asadmin"), preboot);
        assertTrue(Files.isRegularFile(preboot));
        Path properties = dockerfile.projectFileOf(command.get(command.indexOf("--systemproperties") + 1));
        assertEquals(Path.of("payara", "system.properties"), properties);
        assertTrue(Files.readString(properties).contains("jakarta.json.provider="));
        Path logging = dockerfile.projectFileOf(command.get(command.indexOf("--logproperties") + 1));
        assertEquals(Path.of("payara", "logging.properties"), logging);
        assertTrue(Files.readString(logging).contains("javax.enterprise.system.security.ssl.level=SEVERE"));
        Path war = dockerfile.projectFileOf(command.get(command.indexOf("--deploy") + 1));
        assertEquals(Path.of("target", DeliveryFiles.pomProperty("finalName") + ".war"), war);
    }

    @Test
    void buildContextHoldsWhatTheBuildCopiesAndNeverSecretsOrBuildOutput() {
        List<String> patterns = DeliveryFiles.read(".dockerignore")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertEquals("*", patterns.get(0), "an allowlist: everything is left out unless listed");
        Set<String> included = new HashSet<>();
        patterns.stream().filter(p -> p.startsWith("!")).forEach(p -> included.add(p.substring(1)));
        for (String never : List.of(".env", "target/", ".data/", ".git/")) {
            assertFalse(included.contains(never), never);
        }
        for (var copy : dockerfile.stage("build").copies().values()) {
            for (String source : copy.split("\\s+")) {
                assertTrue(included.contains(source), source + " is copied but left out of the build context");
            }
        }
        assertTrue(patterns.containsAll(List.of("**/*.pem", "**/*.key")), "keys inside the sources stay out");
    }

    private static Set<String> missing(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }

    private static String hostPort(Map<String, Object> service) {
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service.get("ports");
        String[] parts = ports.get(0).split(":");
        return parts[parts.length - 2];
    }
}
