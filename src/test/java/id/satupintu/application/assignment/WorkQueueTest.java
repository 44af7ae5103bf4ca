package id.satupintu.application.assignment;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.application.ApplicationFixtures.as;
import static id.satupintu.application.ApplicationFixtures.deadline;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.application.ApplicationFixtures;
import id.satupintu.platform.security.Roles;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkQueueTest {

    @Test
    void mostUrgentFirstWithFiltersAndPaging() throws Throwable {
        ApplicationFixtures f = new ApplicationFixtures();
        String late = f.submitted();
        String soon = f.submitted();
        String later = f.submitted();
        String returned = f.submitted();
        deadline(late, "2026-12-01");
        deadline(soon, "2026-12-03");
        deadline(later, "2026-12-20");
        act(f.officer, returned, "start-verification").statusCode(200);
        act(f.officer, returned, "return", Map.of("note", "Lengkapi")).statusCode(200);
        act(f.officer, later, "start-verification").statusCode(200);

        // Waiting on the citizen is not in the queue; the rest by deadline, across pages.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(f.supervisor).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/applications");
            page.then().statusCode(200);
            seen.addAll(page.path("items.trackingNumber"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(late, soon, later), seen);

        as(f.officer).queryParam("state", "IN_VERIFICATION").get("/api/v1/applications").then().statusCode(200)
                .body("items.trackingNumber", contains(later));
        as(f.officer).queryParam("state", "RETURNED_FOR_REVISION").get("/api/v1/applications").then()
                .body("items.trackingNumber", contains(returned));
        as(f.officer).queryParam("service", "NO-SUCH").get("/api/v1/applications").then().body("items.size()", equalTo(0));
        as(f.officer).queryParam("breached", "true").get("/api/v1/applications").then().body("items.size()", equalTo(0));
        as(TestTokens.admin()).queryParam("agency", f.agency).get("/api/v1/applications").then().statusCode(200)
                .body("items.trackingNumber", contains(late, soon, later));
    }

    @Test
    void onlyTheAgencysStaff() {
        ApplicationFixtures f = new ApplicationFixtures();
        f.submitted();
        as(f.citizen).get("/api/v1/applications").then().statusCode(403);
        as(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG")).queryParam("agency", f.agency)
                .get("/api/v1/applications").then().statusCode(403);
        as(TestTokens.staff(Roles.OFFICER, "DISDUKCAPIL-BDG", "MPP-BDG")).get("/api/v1/applications").then()
                .statusCode(200);
        as(TestTokens.admin()).get("/api/v1/applications").then().statusCode(400)
                .body("errors.field", contains("agency"));
        given().get("/api/v1/applications").then().statusCode(401);
        as(TestTokens.citizen(UUID.randomUUID().toString())).get("/api/v1/applications").then().statusCode(403);
    }

    @Test
    void badFiltersAreProblems() {
        ApplicationFixtures f = new ApplicationFixtures();
        as(f.officer).queryParam("state", "SLEEPING").get("/api/v1/applications").then().statusCode(400)
                .body("errors.field", contains("state"));
        as(f.officer).queryParam("breached", "maybe").get("/api/v1/applications").then().statusCode(400)
                .body("errors.field", contains("breached"));
        as(f.officer).queryParam("cursor", "bm9wZQ").get("/api/v1/applications").then().statusCode(400)
                .body("code", equalTo("invalid-cursor"));
        as(f.officer).queryParam("limit", 500).get("/api/v1/applications").then().statusCode(400);
    }
}
