package dev.baton;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Stream;

@AnalyzeClasses(packages = "dev.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkAndItselfOnly = noClasses()
            .that()
            .resideInAPackage("dev.baton.core..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", "dev.baton.core..", "org.jspecify.annotations..")
            .because("the domain core is plain Java: no Spring, JDBC, Jackson, YAML or HTTP");

    @ArchTest
    static final ArchRule coreNeverReachesOutward = noClasses()
            .that()
            .resideInAPackage("dev.baton.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.baton.adapter..", "dev.baton.app..");

    @ArchTest
    static final ArchRule corePackagesFormNoCycles = slices().matching("dev.baton.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each core package builds on the ones below it (the lead's timeline on the lifecycle, routing and"
                    + " the clocks; the clocks on the calendar), never back");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnTheWiring = noClasses()
            .that()
            .resideInAPackage("dev.baton.adapter..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.baton.app..");

    @ArchTest
    static final ArchRule coreCarriesNoFrameworkAnnotations = noClasses()
            .that()
            .resideInAPackage("dev.baton.core..")
            .should()
            .beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould()
            .beAnnotatedWith("org.springframework.stereotype.Service");

    @ArchTest
    static final ArchRule caseChangesTheSameWayInEveryLocale = noClasses()
            .should(changeCaseInTheDefaultLocale())
            .because("an email, a domain or a name must be lower-cased the same on every machine (in Turkish, I is"
                    + " not i): pass Locale.ROOT");

    /** Calls of {@code toLowerCase()} or {@code toUpperCase()} without a locale, and references like String::toLowerCase. */
    private static ArchCondition<JavaClass> changeCaseInTheDefaultLocale() {
        return new ArchCondition<>("change case in the default locale") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Stream.concat(item.getMethodCallsFromSelf().stream(), item.getMethodReferencesFromSelf().stream())
                        .filter(access -> access.getTargetOwner().isEquivalentTo(String.class))
                        .filter(access -> Set.of("toLowerCase", "toUpperCase").contains(access.getName()))
                        .filter(access ->
                                access.getTarget().getRawParameterTypes().isEmpty())
                        .forEach(access -> events.add(SimpleConditionEvent.satisfied(access, access.getDescription())));
            }
        };
    }
}
