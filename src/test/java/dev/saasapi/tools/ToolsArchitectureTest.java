package dev.saasapi.tools;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The tools (src/tools) are compiled together with the tests, because the tests use them; so the
 * compiler would let a tool use a test's code too. This keeps them apart: a tool stands on the
 * application and on libraries, never on the tests or their support.
 */
@AnalyzeClasses(packages = "dev.saasapi.tools")
class ToolsArchitectureTest {

    @ArchTest
    static final ArchRule toolsDoNotDependOnTests = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Test")
            .should()
            .dependOnClassesThat(resideInAnyPackage("dev.saasapi.it..", "org.junit..", "com.tngtech.archunit..")
                    .or(simpleNameEndingWith("Test"))
                    .or(simpleNameEndingWith("IT")));
}
