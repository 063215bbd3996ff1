package dev.saasapi;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.saasapi.platform.config.control.Environment;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.migrations.control.DatabaseMigrationsCommand;
import dev.saasapi.platform.ratelimit.control.RateLimitsCommand;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The shape of the code: top-level packages depend on each other one way (features on identity on
 * platform), and inside each, boundary → control → entity, never backwards.
 */
@AnalyzeClasses(packages = "dev.saasapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            SlicesRuleDefinition.slices().matching("dev.saasapi.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule platformPackagesAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("dev.saasapi.platform.(*)..")
            .should()
            .beFreeOfCycles();

    /** What every feature stands on knows none of them. */
    @ArchTest
    static final ArchRule platformKnowsNothingAboveIt = noClasses()
            .that()
            .resideInAPackage("dev.saasapi.platform..")
            .should()
            .dependOnClassesThat(ours().and(not(resideInAPackage("dev.saasapi.platform.."))));

    /** Who is calling is answered without any feature. */
    @ArchTest
    static final ArchRule identityStandsOnPlatformOnly = noClasses()
            .that()
            .resideInAPackage("dev.saasapi.identity..")
            .should()
            .dependOnClassesThat(
                    ours().and(not(resideInAnyPackage("dev.saasapi.identity..", "dev.saasapi.platform.."))));

    /**
     * Features meet at each other's boundary (and the entities and events it hands out), never inside
     * each other's control classes.
     */
    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOthersControl = classes()
            .that(ours())
            .should(new ArchCondition<JavaClass>("not use another feature's control classes") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String feature = feature(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        String other = feature(target);
                        if (feature != null
                                && other != null
                                && !other.equals(feature)
                                && target.getPackageName().contains(".control")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** The feature a class belongs to; null for platform, identity and classes outside them. */
    private static String feature(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith("dev.saasapi.")) {
            return null;
        }
        String top = name.substring("dev.saasapi.".length()).split("\\.")[0];
        return top.equals("platform") || top.equals("identity") ? null : top;
    }

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

    private static DescribedPredicate<JavaClass> ours() {
        return resideInAPackage("dev.saasapi..");
    }

    /**
     * The environment is read directly only by the config sources, which run while MicroProfile Config
     * is being built, through Environment; everything else asks MicroProfile Config.
     */
    @ArchTest
    static final ArchRule onlyConfigSourcesAndEnvironmentReadEnvironmentVariables = noClasses()
            .that(not(assignableTo(ConfigSource.class)).and(not(belongToAnyOf(Environment.class))))
            .should()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(System.class, "getenv");

    /** Environment is for the config sources and for the db command, which runs without MicroProfile Config. */
    @ArchTest
    static final ArchRule onlyConfigSourcesAndTheDbCommandUseEnvironment = noClasses()
            .that(not(assignableTo(ConfigSource.class))
                    .and(not(belongToAnyOf(
                            Environment.class, DatabaseMigrationsCommand.class, RateLimitsCommand.class))))
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Environment.class);

    /**
     * Settings are read through Settings (or injected with {@code @ConfigProperty}), whose reads
     * DeliveryFilesTest finds, so it sees every variable the app reads.
     */
    @ArchTest
    static final ArchRule onlySettingsReadsConfigValues = noClasses()
            .that()
            .doNotBelongToAnyOf(Settings.class)
            .should()
            .callMethodWhere(target(owner(assignableTo(Config.class)))
                    .and(target(nameMatching("get(Optional)?Values?|getConfigValue|getPropertyNames"))));
}
