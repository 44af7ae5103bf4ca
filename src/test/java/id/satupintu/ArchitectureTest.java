package id.satupintu;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md describes, held against the compiled code: features over a platform,
 * dependencies pointing one way, and each feature reachable by the others only through its root package
 * (its API); the sub-feature folders are its internals.
 */
class ArchitectureTest {

    static final String ROOT = "id.satupintu";
    static final List<String> FEATURES = List.of("catalog", "identity", "application", "queue", "complaint",
            "integration", "survey", "indicator", "homevisit", "notification");

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void platformImportsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                .check(main);
    }

    @Test
    void featuresDependOnEachOtherOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy(ROOT + ".platform..")
                .layer("catalog").definedBy(ROOT + ".catalog..")
                .layer("identity").definedBy(ROOT + ".identity..")
                .layer("application").definedBy(ROOT + ".application..")
                .layer("queue").definedBy(ROOT + ".queue..")
                .layer("complaint").definedBy(ROOT + ".complaint..")
                .layer("survey").definedBy(ROOT + ".survey..")
                .layer("integration").definedBy(ROOT + ".integration..")
                .layer("indicator").definedBy(ROOT + ".indicator..")
                .layer("homevisit").definedBy(ROOT + ".homevisit..")
                .layer("notification").definedBy(ROOT + ".notification..")
                .whereLayer("indicator").mayNotBeAccessedByAnyLayer()
                // Notifications sit on top with the indicators: they use integration's signed delivery.
                .whereLayer("notification").mayNotBeAccessedByAnyLayer()
                .whereLayer("integration").mayOnlyBeAccessedByLayers("notification")
                .whereLayer("homevisit").mayOnlyBeAccessedByLayers("integration", "indicator")
                .whereLayer("survey").mayOnlyBeAccessedByLayers("integration", "indicator")
                .whereLayer("complaint").mayOnlyBeAccessedByLayers("survey", "integration", "indicator")
                .whereLayer("queue").mayOnlyBeAccessedByLayers("complaint", "survey", "integration", "indicator")
                .whereLayer("application").mayOnlyBeAccessedByLayers("queue", "complaint", "survey", "integration",
                        "indicator", "homevisit")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("application", "queue", "complaint", "survey",
                        "integration", "indicator", "homevisit")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("identity", "application", "queue", "complaint",
                        "survey", "integration", "indicator", "homevisit")
                .withOptionalLayers(true)
                .check(main);
    }

    @Test
    void featuresUseOnlyEachOthersApi() {
        for (String feature : FEATURES) {
            String own = ROOT + "." + feature;
            noClasses().that().resideOutsideOfPackage(own + "..")
                    .should().dependOnClassesThat().resideInAPackage(own + ".*..")
                    .as("only " + feature + " itself uses " + feature + "'s sub-feature packages (its internals); "
                            + "other features go through " + own)
                    .allowEmptyShould(true)
                    .check(main);
        }
    }

    @Test
    void catalogEntitiesStayInsideCatalog() {
        // Other features read sites, agencies and standards as catalog's records (SiteProfile, AgencyProfile,
        // VersionedStandard...), so catalog can change its tables and entities without touching them.
        noClasses().that().resideOutsideOfPackage(ROOT + ".catalog..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".catalog..")
                        .and(assignableTo(PanacheEntityBase.class)))
                .as("only catalog uses catalog's entities; other features get its records")
                .check(main);
    }

    @Test
    void theClientAddressIsDerivedInOnePlace() {
        // remoteAddress() is the left-most X-Forwarded-For entry under Quarkus's forwarding: whatever a client
        // sends. Per-address rules ask platform.web.ClientAddress, which walks the header from the right.
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".platform.web.ClientAddress")
                .should().callMethod(io.vertx.core.http.HttpServerRequest.class, "remoteAddress")
                .orShould().callMethod(io.vertx.mutiny.core.http.HttpServerRequest.class, "remoteAddress")
                .check(main);
    }
}
