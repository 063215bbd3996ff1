package dev.saasapi.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts the packaged WAR as production does (README, Dockerfile): this JDK's
 * java with the given JVM options, Payara Micro with the project's pre-boot commands and the system
 * properties and logging settings beside them, one node. For the development run, the benchmark and the tests.
 */
public final class PayaraMicroCommand {

    private PayaraMicroCommand() {}

    /** One node: {@code --nohazelcast}. {@code jvmOptions} are split on whitespace; blank means none. */
    public static List<String> of(String jvmOptions, Path payaraMicroJar, Path preBootCommands, Path war, int port) {
        return of(jvmOptions, payaraMicroJar, preBootCommands, war, port, List.of("--nohazelcast"));
    }

    /** A node with the given data-grid options ({@code --clustermode …} for a member of a cluster). */
    public static List<String> of(
            String jvmOptions, Path payaraMicroJar, Path preBootCommands, Path war, int port, List<String> grid) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-jar", payaraMicroJar.toString()));
        command.addAll(grid);
        command.addAll(List.of(
                "--port",
                String.valueOf(port),
                "--prebootcommandfile",
                preBootCommands.toString(),
                "--systemproperties",
                preBootCommands.resolveSibling("system.properties").toString(),
                "--logproperties",
                preBootCommands.resolveSibling("logging.properties").toString(),
                "--deploy",
                war.toString()));
        return command;
    }
}
