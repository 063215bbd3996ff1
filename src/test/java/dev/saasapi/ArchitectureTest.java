package dev.saasapi;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.saasapi.config.control.Environment;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

/** The layering of every feature package: boundary → control → entity, never backwards. */
@AnalyzeClasses(packages = "dev.saasapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule entitiesDependOnNothingAbove = noClasses()
            .that()
            .resideInAPackage("..entity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..control..", "..boundary..");

    @ArchTest
    static final ArchRule controlDoesNotReachIntoBoundaries = noClasses()
            .that()
            .resideInAPackage("..control..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule onlyBoundariesServeHttp =
            classes().that().areAnnotatedWith(Path.class).should().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule onlyBoundariesDemarcateTransactions = methods()
            .that()
            .areAnnotatedWith(Transactional.class)
            .should()
            .beDeclaredInClassesThat()
            .resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule jpaEntitiesLiveInEntityPackages =
            classes().that().areAnnotatedWith(Entity.class).should().resideInAPackage("..entity..");

    @ArchTest
    static final ArchRule jpaEntitiesNeverCrossTheHttpBoundary = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .and()
            .arePublic()
            .should()
            .haveRawReturnType(annotatedWith(Entity.class))
            .orShould()
            .haveRawParameterTypes(anyElementThat(annotatedWith(Entity.class)));

    /** Keeps every setting behind Environment, so DeliveryFilesTest sees every variable the app reads. */
    @ArchTest
    static final ArchRule onlyEnvironmentReadsEnvironmentVariables = noClasses()
            .that()
            .doNotBelongToAnyOf(Environment.class)
            .should()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(System.class, "getenv");
}
