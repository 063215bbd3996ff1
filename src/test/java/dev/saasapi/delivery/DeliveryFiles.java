package dev.saasapi.delivery;

import dev.saasapi.platform.config.control.Settings;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's delivery files (Dockerfile, compose file, workflow, README, .env.example, pom.xml)
 * read the way their tools read them, so that tests can hold them against each other and against
 * the code. Paths are relative to the project directory, where Maven runs the tests.
 */
final class DeliveryFiles {

    private static final Pattern VARIABLE_CONSTANT =
            Pattern.compile("static final String (\\w*VARIABLE) = \"([A-Z][A-Z0-9_]*)\";");
    /** A read of a setting: the environment's (config sources, the db command) or through Settings. */
    private static final Pattern SETTING_CALL =
            Pattern.compile("(?:\\bEnvironment\\.setting|\\b[sS]ettings\\.(?:" + readerMethods() + "))\\(\\s*([^,)]*)");

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENV_EXAMPLE_LINE = Pattern.compile("^#? ?([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);
    private static final Pattern TABLE_VARIABLE = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|", Pattern.MULTILINE);

    private DeliveryFiles() {}

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String path) {
        return new Yaml().load(read(path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
            if (node == null) {
                throw new AssertionError("missing key " + key + " of " + String.join(".", keys));
            }
        }
        return (Map<String, Object>) node;
    }

    static String pomProperty(String name) {
        try {
            var document = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(Path.of("pom.xml").toFile());
            var properties = document.getElementsByTagName(name);
            if (properties.getLength() == 0) {
                throw new AssertionError("pom.xml has no <" + name + ">");
            }
            return properties.item(0).getTextContent().strip();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }

    /**
     * The environment variables the application reads: every {@code …VARIABLE} constant of the main
     * code, and the variable each {@code @ConfigProperty(name = "…")} maps onto ({@code
     * access.token.expire.minutes} is {@code ACCESS_TOKEN_EXPIRE_MINUTES}). {@link
     * #settingReadsOutsideConstants()} makes sure no read bypasses such a constant, and ArchitectureTest
     * that nothing reads MicroProfile Config or the environment around them.
     */
    static Set<String> applicationVariables() {
        Set<String> variables = new TreeSet<>();
        for (String source : mainSources()) {
            Matcher constant = VARIABLE_CONSTANT.matcher(source);
            while (constant.find()) {
                variables.add(constant.group(2));
            }
            Matcher injected = CONFIG_PROPERTY.matcher(source);
            while (injected.find()) {
                variables.add(injected.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return variables;
    }

    /**
     * Arguments of {@code Environment.setting(…)} and of {@code settings.value(…)}, {@code
     * Settings.duration(…)} and the other reads of {@link Settings} that are not a {@code …VARIABLE}
     * constant. The two readers themselves, which pass their callers' variable on, are left out.
     */
    static List<String> settingReadsOutsideConstants() {
        Set<String> readers = Set.of("Settings.java", "Environment.java");
        List<String> odd = new ArrayList<>();
        for (Path file : mainSourceFiles()) {
            if (readers.contains(file.getFileName().toString())
                    && file.getParent().endsWith(Path.of("platform", "config", "control"))) {
                continue;
            }
            Matcher call = SETTING_CALL.matcher(read(file.toString()));
            while (call.find()) {
                if (!call.group(1).matches("(\\w+\\.)?\\w*VARIABLE")) {
                    odd.add(call.group(1));
                }
            }
        }
        return odd;
    }

    /** The methods of Settings that take a variable first, as a regular expression alternation. */
    private static String readerMethods() {
        return Arrays.stream(Settings.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> method.getParameterCount() > 0 && method.getParameterTypes()[0] == String.class)
                .map(Method::getName)
                .distinct()
                .sorted()
                .collect(Collectors.joining("|"));
    }

    /** Variables in .env.example, set or commented out ({@code # NAME=…}). */
    static Set<String> envExampleVariables() {
        return matches(ENV_EXAMPLE_LINE, read(".env.example"));
    }

    /** Variables in the first column of the README's configuration table. */
    static Set<String> readmeConfigurationVariables() {
        return matches(TABLE_VARIABLE, readmeSection("Configuration"));
    }

    /** The text of a {@code ## heading} section of the README, up to the next one. */
    static String readmeSection(String heading) {
        String readme = read("README.md");
        int start = readme.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new AssertionError("README has no section ## " + heading);
        }
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The README's test command: the one line of the code block under "Test it". */
    static String readmeTestCommand() {
        String section = readmeSection("Test it");
        Matcher block = Pattern.compile("```bash\\n([^\\n]+)\\n```").matcher(section);
        if (!block.find()) {
            throw new AssertionError("no one-line bash block under ## Test it");
        }
        return block.group(1).strip();
    }

    static Dockerfile dockerfile() {
        return Dockerfile.parse(read("Dockerfile"));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> mainSources() {
        return mainSourceFiles().stream().map(file -> read(file.toString())).toList();
    }

    private static List<Path> mainSourceFiles() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Dockerfile as a list of instructions, continuation lines joined and comments dropped. */
    record Dockerfile(List<Instruction> instructions) {

        record Instruction(String keyword, String arguments) {

            /** The arguments of an exec-form instruction ({@code ["a", "b"]}) as a list. */
            List<String> execForm() {
                String json = arguments.substring(arguments.indexOf('['));
                return Json.createReader(new StringReader(json)).readArray().stream()
                        .map(value -> ((JsonString) value).getString())
                        .toList();
            }
        }

        static Dockerfile parse(String text) {
            List<Instruction> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                String stripped = line.strip();
                if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
                    continue;
                }
                if (stripped.endsWith("\\")) {
                    current.append(stripped, 0, stripped.length() - 1).append(' ');
                    continue;
                }
                current.append(stripped);
                String[] parts = current.toString().split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
                current.setLength(0);
            }
            return new Dockerfile(instructions);
        }

        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .toList();
        }

        /** The instructions of the last stage: what the image runs. */
        Dockerfile finalStage() {
            int from = 0;
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i).keyword().equals("FROM")) {
                    from = i;
                }
            }
            return new Dockerfile(instructions.subList(from, instructions.size()));
        }

        Instruction only(String keyword) {
            List<Instruction> found = all(keyword);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + keyword + ", found " + found.size());
            }
            return found.get(0);
        }

        /** The container's command line: ENTRYPOINT followed by CMD. */
        List<String> command() {
            List<String> command = new ArrayList<>(only("ENTRYPOINT").execForm());
            command.addAll(only("CMD").execForm());
            return command;
        }

        /** The stage named {@code name} ({@code FROM … AS name}). */
        Dockerfile stage(String name) {
            for (int i = 0; i < instructions.size(); i++) {
                Instruction instruction = instructions.get(i);
                if (instruction.keyword().equals("FROM")
                        && instruction.arguments().endsWith(" AS " + name)) {
                    int end = i + 1;
                    while (end < instructions.size()
                            && !instructions.get(end).keyword().equals("FROM")) {
                        end++;
                    }
                    return new Dockerfile(instructions.subList(i, end));
                }
            }
            throw new AssertionError("no stage " + name);
        }

        /**
         * The file of the project that a path of the final image comes from, following its COPY
         * instructions (from the build context, or from a stage's WORKDIR, which holds the project).
         */
        Path projectFileOf(String imagePath) {
            for (Map.Entry<String, String> copy : finalStage().copies().entrySet()) {
                String destination = copy.getKey();
                String rest;
                if (imagePath.equals(destination)) {
                    rest = "";
                } else if (destination.endsWith("/") && imagePath.startsWith(destination)) {
                    rest = imagePath.substring(destination.length());
                } else {
                    continue;
                }
                String source = copy.getValue();
                int colon = source.indexOf(':');
                if (colon > 0) {
                    String workdir =
                            stage(source.substring(0, colon)).only("WORKDIR").arguments();
                    source = Path.of(workdir)
                            .relativize(Path.of(source.substring(colon + 1)))
                            .toString();
                }
                return Path.of(source, rest);
            }
            throw new AssertionError(imagePath + " is not copied into the image");
        }

        /** COPY instructions of this stage as destination → source (context path or stage:path). */
        Map<String, String> copies() {
            Map<String, String> copies = new LinkedHashMap<>();
            for (Instruction copy : all("COPY")) {
                List<String> words = new ArrayList<>(List.of(copy.arguments().split("\\s+")));
                String stage = null;
                while (words.get(0).startsWith("--")) {
                    String flag = words.remove(0);
                    if (flag.startsWith("--from=")) {
                        stage = flag.substring("--from=".length());
                    }
                }
                String destination = words.get(words.size() - 1);
                String source = String.join(" ", words.subList(0, words.size() - 1));
                copies.put(destination, stage == null ? source : stage + ":" + source);
            }
            return copies;
        }
    }
}
