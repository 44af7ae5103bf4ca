package id.satupintu.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.satupintu.application.ApplicationFixtures;
import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@link GuardedStream} endpoint refuses before its stream starts: the answer is a plain
 * problem+json with its status and code, never a 200 stream that breaks off. And every such endpoint
 * has exactly one admission, so none is left open or guarded by a rule meant for another.
 */
@QuarkusTest
class GuardedStreamTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    @All
    List<StreamAdmission> admissions;

    @Test
    void eachGuardedEndpointHasOneAdmissionAndEachAdmissionAnEndpoint() {
        Set<Class<?>> guarded = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.satupintu").stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(GuardedStream.class))
                .map(JavaMethod::getOwner)
                .filter(owner -> !owner.isEquivalentTo(StreamGuard.class))
                .map(owner -> (Class<?>) owner.reflect())
                .collect(Collectors.toSet());
        List<Class<?>> admitted = admissions.stream().<Class<?>>map(StreamAdmission::resource).toList();
        assertEquals(guarded, Set.copyOf(admitted));
        assertEquals(admitted.size(), Set.copyOf(admitted).size(), "one admission per resource");
        for (Class<?> resource : guarded) {
            long endpoints = java.util.Arrays.stream(resource.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(GuardedStream.class)).count();
            assertEquals(1, endpoints, resource + " has one guarded endpoint (its admission is found by class)");
        }
    }

    @Test
    void applicationEventsAndDownloadsRefuseStrangersBeforeStreaming() {
        ApplicationFixtures f = new ApplicationFixtures();
        String tn = f.submitted();
        String stranger = TestTokens.citizen(UUID.randomUUID().toString());
        String events = "/api/v1/applications/" + tn + "/events";
        refused(sse(stranger), events, 404, "application-not-found");
        refused(sse(null), events, 401, "unauthorized");
        String download = "/api/v1/applications/" + tn + "/documents/ktp";
        refused(as(stranger), download, 404, "application-not-found");
        refused(as(null), download, 401, "unauthorized");
    }

    @Test
    void complaintAndDeskEventsRefuseStrangersBeforeStreaming() {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        String events = "/api/v1/complaints/" + anonymous[0] + "/events";
        refused(sse(null), events, 404, "complaint-not-found");
        refused(sse(null).header("X-Complaint-Secret", "salah"), events, 404, "complaint-not-found");
        refused(sse(f.otherCitizen), events, 404, "complaint-not-found");
        String attachment = "/api/v1/complaints/" + anonymous[0] + "/attachments/1";
        refused(as(null), attachment, 404, "complaint-not-found");
        refused(as(f.otherCitizen), attachment, 404, "complaint-not-found");
        refused(as(null).header("X-Complaint-Secret", anonymous[1]), attachment, 404, "complaint-attachment-not-found");
        refused(as(null).header("X-Complaint-Secret", anonymous[1]),
                "/api/v1/complaints/" + anonymous[0] + "/attachments/satu", 400, "invalid-parameter");
        String desk = "/api/v1/sites/" + f.site + "/complaint-events";
        refused(sse(null), desk, 401, "unauthorized");
        refused(sse(f.officer), desk, 403, "forbidden");
    }

    @Test
    void ticketBookingAndBoardEventsRefuseBeforeStreaming() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        String ticket = QueueFixtures.issue(site, QueueFixtures.citizen(), "PHONE", QueueFixtures.KTP, null).then()
                .statusCode(201).extract().path("id");
        refused(sse(QueueFixtures.citizen()), "/api/v1/tickets/" + ticket + "/events", 403, "forbidden");
        refused(sse(null), "/api/v1/tickets/" + ticket + "/events", 401, "unauthorized");
        refused(sse(QueueFixtures.citizen()), "/api/v1/tickets/" + UUID.randomUUID() + "/events", 404,
                "ticket-not-found");
        refused(sse(QueueFixtures.citizen()), "/api/v1/bookings/" + UUID.randomUUID() + "/events", 404,
                "booking-not-found");
        refused(sse(null), "/api/v1/bookings/" + UUID.randomUUID() + "/events", 401, "unauthorized");
        refused(sse(null), "/api/v1/sites/NO-SUCH-SITE/board/events", 404, "site-not-found");
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    private static RequestSpecification sse(String token) {
        return as(token).accept("text/event-stream");
    }

    private static void refused(RequestSpecification request, String path, int status, String code) {
        request.get(path).then().statusCode(status).contentType(startsWith(PROBLEM)).body("code", equalTo(code));
    }
}
