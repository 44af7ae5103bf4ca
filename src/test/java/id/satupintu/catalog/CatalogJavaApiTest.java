package id.satupintu.catalog;

import id.satupintu.catalog.site.SiteResourceTest;
import static id.satupintu.catalog.CatalogFixtures.newCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The catalog as other features and the start-up loader use it (no HTTP surface of its own). */
@QuarkusTest
class CatalogJavaApiTest {

    @Inject
    ServiceCatalog catalog;

    @Inject
    DemoCatalogLoader loader;

    @Inject
    ObjectMapper json;

    @Test
    void otherFeaturesReadTypedStandardsByVersion() throws Throwable {
        VersionedStandard current = VertxContextSupport.subscribeAndAwait(() -> catalog.standard("DPMPTSP-PBG"));
        assertEquals("DPMPTSP-BDG", current.agencyCode());
        assertEquals(ServiceType.PERIZINAN, current.type());
        assertTrue(current.standard().deemedApproval());
        FormField luas = current.standard().form().stream().filter(f -> f.type() == FormFieldType.NUMBER)
                .findFirst().orElseThrow();
        assertEquals(luas, current.standard().field(luas.name()));
        assertTrue(current.standard().requirements().stream().allMatch(r -> !r.formats().isEmpty()));

        VersionedStandard first = VertxContextSupport.subscribeAndAwait(() -> catalog.standard("DKB-KTP-EL", 1));
        assertEquals(1, first.version());
        assertEquals("DISDUKCAPIL-BDG", VertxContextSupport.subscribeAndAwait(() -> catalog.agencyOf("DKB-KTP-EL")));

        ProblemException missing = assertThrows(ProblemException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> catalog.standard("NOPE-X")));
        assertEquals("service-not-found", missing.code());
        ProblemException noVersion = assertThrows(ProblemException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> catalog.standard("DKB-KTP-EL", 999)));
        assertEquals("standard-version-not-found", noVersion.code());
    }

    @Test
    void twoReplicasLoadingTheSameDemoFileCreateEverythingOnce() throws Exception {
        String site = SiteResourceTest.newCode();
        String agency = newCode("DEMO");
        String service = newCode("DEMOSVC");
        Map<String, Object> file = Map.of(
                "sites", List.of(json.readValue(SiteResourceTest.site(site, "Asia/Jakarta"), Map.class)),
                "agencies", List.of(CatalogFixtures.agency(agency, site)),
                "services", List.of(CatalogFixtures.service(service, agency, "NONPERIZINAN", CatalogFixtures.standard())));
        DemoCatalogLoader.DemoCatalog demo = json.convertValue(file, DemoCatalogLoader.DemoCatalog.class);

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starts.add(() -> {
                    try {
                        return loader.load(demo);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            int created = 0;
            for (Future<Integer> start : replicas.invokeAll(starts)) {
                created += start.get();
            }
            assertEquals(3, created);
        } finally {
            replicas.shutdownNow();
        }
        given().get("/api/v1/services/" + service).then().statusCode(200).body("agencyCode", equalTo(agency))
                .body("version", equalTo(1));
        given().get("/api/v1/agencies/" + agency).then().statusCode(200).body("siteCodes[0]", equalTo(site));
    }

    @Test
    void aDemoObjectTheAdminApiWouldRefuseStopsTheLoadAndIsNamed() {
        Map<String, Object> standard = CatalogFixtures.standard();
        standard.put("tariff", -1);
        String agency = newCode("DEMOBAD");
        Map<String, Object> file = Map.of("agencies", List.of(CatalogFixtures.agency(agency, "MPP-BDG")),
                "services", List.of(CatalogFixtures.service("DEMO-BAD-1", agency, "NONPERIZINAN", standard)));
        DemoCatalogLoader.DemoCatalog demo = json.convertValue(file, DemoCatalogLoader.DemoCatalog.class);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> loader.load(demo));
        assertTrue(refused.getMessage().contains("DEMO-BAD-1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("standard.tariff"), refused.getMessage());
        // One transaction: the agency created before the refused service is rolled back too.
        given().get("/api/v1/agencies/" + agency).then().statusCode(404);
    }
}
