package dev.saasapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.saasapi.platform.problems.entity.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The problem-type catalogue is the set of {@link ProblemType} constants in the code: each slug is
 * declared once, and the README's table of errors lists exactly these types, each with its status.
 */
@AnalyzeClasses(packages = "dev.saasapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ProblemCatalogueTest {

    private static final Pattern README_ROW =
            Pattern.compile("^\\| `/problems/([a-z-]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    @ArchTest
    static void problemTypesAreConstantsSoTheCatalogueSeesThemAll(JavaClasses code) {
        noClasses()
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "a ProblemType constructor outside a static initializer",
                        (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(ProblemType.class)
                                && !(call.getOrigin() instanceof JavaStaticInitializer)))
                .check(code);
    }

    @ArchTest
    static void everySlugIsDeclaredOnce(JavaClasses code) {
        Map<String, List<String>> declarations = new TreeMap<>();
        declaredTypes(code)
                .forEach((field, type) -> declarations
                        .computeIfAbsent(type.slug(), slug -> new ArrayList<>())
                        .add(field));
        Map<String, List<String>> repeated = declarations.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), repeated);
    }

    @ArchTest
    static void readmeListsEveryProblemTypeWithItsStatus(JavaClasses code) throws IOException {
        Map<String, Integer> inCode = new TreeMap<>();
        declaredTypes(code).values().forEach(type -> inCode.put(type.slug(), type.status()));

        Map<String, Integer> inReadme = new TreeMap<>();
        Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            inReadme.put(row.group(1), Integer.valueOf(row.group(2)));
        }

        assertEquals(inCode, inReadme);
    }

    /** Every static ProblemType field of the code, by {@code Class.field}. */
    private static Map<String, ProblemType> declaredTypes(JavaClasses code) {
        Map<String, ProblemType> types = new TreeMap<>();
        for (var javaClass : code) {
            for (JavaField field : javaClass.getFields()) {
                if (field.getRawType().isEquivalentTo(ProblemType.class)
                        && field.getModifiers().contains(JavaModifier.STATIC)) {
                    types.put(javaClass.getSimpleName() + "." + field.getName(), valueOf(field));
                }
            }
        }
        if (types.isEmpty()) {
            throw new AssertionError("no ProblemType constants found");
        }
        return types;
    }

    private static ProblemType valueOf(JavaField field) {
        try {
            var reflected = field.reflect();
            reflected.setAccessible(true);
            return (ProblemType) reflected.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
