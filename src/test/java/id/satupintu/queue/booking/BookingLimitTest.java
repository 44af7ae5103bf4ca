package id.satupintu.queue.booking;

import static id.satupintu.queue.QueueFixtures.KK;
import static id.satupintu.queue.QueueFixtures.KTP;
import static id.satupintu.queue.QueueFixtures.graphql;
import static id.satupintu.queue.booking.BookingFixtures.at;
import static id.satupintu.queue.booking.BookingFixtures.book;
import static id.satupintu.queue.booking.BookingFixtures.bookingAction;
import static id.satupintu.queue.booking.BookingFixtures.reschedule;
import static id.satupintu.queue.booking.BookingFixtures.workingDay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The citizen's own limits (BookingLimits): active bookings at once, and the block after no-shows. */
@QuarkusTest
class BookingLimitTest {

    private static final String BOOK = "mutation($site: String!, $service: String!, $at: DateTime!) { "
            + "bookSlot(site: $site, input: {serviceCode: $service, startsAt: $at}) { id status } }";
    private static final String MOVE = "mutation($id: String!, $at: DateTime!) { rescheduleBooking(id: $id, "
            + "input: {startsAt: $at}) { id startsAt } }";

    @Inject
    Pool pool;

    @Inject
    BookingNoShows noShows;

    @Test
    void aCitizenHoldsAtMostTwoActiveBookingsOverAllServicesAndDays() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, KTP, KK);
        BookingFixtures.putHours(TestTokens.admin(), site, KTP, BookingFixtures.weekdays("08:00", "12:00", 30, 5))
                .then().statusCode(200);
        BookingFixtures.putHours(TestTokens.admin(), site, KK, BookingFixtures.weekdays("08:00", "12:00", 30, 5))
                .then().statusCode(200);
        LocalDate day = BookingFixtures.bookingDay(site);
        LocalDate next = workingDay(site, day.plusDays(1));
        LocalDate later = workingDay(site, next.plusDays(1));
        BookingFixtures.pin(at(day, "07:00"));
        String citizen = QueueFixtures.citizen();

        String first = book(citizen, site, KTP, at(day, "08:00")).then().statusCode(201).extract().path("id");
        String second = book(citizen, site, KK, at(next, "09:00")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(citizen).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", KTP, "startsAt", at(later, "10:00").toString()))
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(409)
                .body("code", equalTo("booking-limit-reached")).body("title", equalTo("Active booking limit reached"))
                .body("detail", equalTo("You already hold 2 active bookings, the most allowed. "
                        + "Cancel one or wait until one has passed."));
        book(citizen, site, KK, at(later, "10:00")).then().statusCode(409)
                .body("title", equalTo("Batas booking aktif tercapai"));
        graphql(citizen, BOOK, Map.of("site", site, "service", KTP, "at", at(later, "10:00").toString()))
                .body("errors[0].extensions.code", equalTo("booking-limit-reached"))
                .body("errors[0].extensions.status", equalTo(409)).body("data.bookSlot", nullValue());
        // Another citizen is not held back by this one's bookings.
        book(QueueFixtures.citizen(), site, KTP, at(later, "10:00")).then().statusCode(201);

        // At the limit a booking may still move: the one moved is not counted against itself.
        reschedule(citizen, first, at(later, "11:00")).then().statusCode(200).body("date", equalTo(later.toString()));
        graphql(citizen, MOVE, Map.of("id", second, "at", at(next, "11:30").toString())).body("errors", nullValue());

        // A cancelled booking frees its place in the limit...
        bookingAction(citizen, second, "cancel").then().statusCode(200);
        String third = graphql(citizen, BOOK, Map.of("site", site, "service", KTP, "at", at(next, "08:30").toString()))
                .body("errors", nullValue()).extract().path("data.bookSlot.id");
        book(citizen, site, KK, at(day, "08:00")).then().statusCode(409).body("code", equalTo("booking-limit-reached"));
        // ...and so does one whose slot has started (checked in or about to be a no-show, it is no longer ahead).
        BookingFixtures.pin(at(next, "08:31"));
        book(citizen, site, KK, at(later, "08:00")).then().statusCode(201);
        book(citizen, site, KTP, at(workingDay(site, later.plusDays(1)), "09:00")).then().statusCode(409)
                .body("code", equalTo("booking-limit-reached"));
        assertEquals(2, count("select count(*) from queue_booking where citizen_id = (select citizen_id from "
                + "queue_booking where id = $1::uuid) and status = 'BOOKED' and starts_at > $2", third,
                at(next, "08:31")));
    }

    @Test
    void parallelBookingsOfOneCitizenAtTheLimitNeverBothPass() throws Exception {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 10, "07:00");
        String site = setup.site();
        // Six different days, so that the one-per-service-and-day index settles nothing: only the limit does.
        List<OffsetDateTime> slots = new ArrayList<>();
        LocalDate day = setup.day();
        for (int i = 0; i < 6; i++) {
            slots.add(at(day, "09:00"));
            day = workingDay(site, day.plusDays(1));
        }
        String citizen = QueueFixtures.citizen();
        ExecutorService threads = Executors.newFixedThreadPool(slots.size());
        CountDownLatch start = new CountDownLatch(1);
        List<String> codes = new ArrayList<>();
        int created = 0;
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (OffsetDateTime slot : slots) {
                results.add(threads.submit(() -> {
                    start.await();
                    return book(citizen, site, KTP, slot);
                }));
            }
            start.countDown();
            for (Future<Response> result : results) {
                Response response = result.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    codes.add(response.path("code"));
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, created);
        assertEquals(List.of("booking-limit-reached", "booking-limit-reached", "booking-limit-reached",
                "booking-limit-reached"), codes);
        assertEquals(2, count("select count(*) from queue_booking where site_code = $1 and status = 'BOOKED'", site));
        // The refused ones gave their places back: each slot holds exactly the bookings made in it.
        assertEquals(2, count("select coalesce(sum(booked), 0)::int from queue_slot where site_code = $1", site));
    }

    @Test
    void threeNoShowsWithinThirtyDaysBlockBookingForFourteenDaysFromTheLast() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 5, "07:00");
        String site = setup.site();
        LocalDate day = setup.day();
        LocalDate next = workingDay(site, day.plusDays(1));
        String id = "warga-" + UUID.randomUUID();
        String citizen = TestTokens.citizen(id);
        // The rule counts the citizen's no-shows at every site.
        noShow(id, QueueFixtures.openSite(), at(day, "09:00").minusDays(20));
        noShow(id, site, at(day, "09:00").minusDays(6));

        // Two no-shows: still allowed. The third comes through the no-show job.
        String missed = book(citizen, site, KTP, at(day, "08:00")).then().statusCode(201).extract().path("id");
        String kept = book(citizen, site, KTP, at(next, "10:00")).then().statusCode(201).extract().path("id");
        setup.clock().set(at(day, "08:16").toInstant());
        noShows.run(at(day, "08:16").toInstant()).await().indefinitely();
        given().auth().oauth2(citizen).get("/api/v1/bookings/" + missed).then().body("status", equalTo("NO_SHOW"));

        OffsetDateTime until = at(day, "08:00").plusDays(14);
        LocalDate afterBlock = workingDay(site, until.toLocalDate().plusDays(1));
        given().auth().oauth2(citizen).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", KTP, "startsAt", at(next, "11:00").toString()))
                .post("/api/v1/sites/" + site + "/bookings").then().statusCode(403)
                .body("code", equalTo("booking-blocked-after-no-shows"))
                .body("detail", equalTo("You missed 3 bookings within 30 days, so you cannot make or move a booking "
                        + "until " + until.toLocalDate() + " 08:00 local time. You can still take a regular queue "
                        + "number at the site."));
        book(citizen, site, KTP, at(next, "11:00")).then().statusCode(403)
                .body("title", equalTo("Booking ditangguhkan karena tidak hadir"));
        graphql(citizen, BOOK, Map.of("site", site, "service", KTP, "at", at(next, "11:00").toString()))
                .body("errors[0].extensions.code", equalTo("booking-blocked-after-no-shows"));
        // A booking made before the block stays, but it cannot be moved; it can be cancelled.
        reschedule(citizen, kept, at(next, "11:00")).then().statusCode(403)
                .body("code", equalTo("booking-blocked-after-no-shows"));
        graphql(citizen, MOVE, Map.of("id", kept, "at", at(next, "11:00").toString()))
                .body("errors[0].extensions.code", equalTo("booking-blocked-after-no-shows"));
        bookingAction(citizen, kept, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        setup.clock().set(until.minusMinutes(1).toInstant());
        book(citizen, site, KTP, at(afterBlock, "09:00")).then().statusCode(403);
        setup.clock().set(until.toInstant());
        book(citizen, site, KTP, at(afterBlock, "09:00")).then().statusCode(201);
    }

    @Test
    void noShowsSpreadOverMoreThanTheWindowOrLongAgoDoNotBlock() {
        BookingFixtures.Setup setup = BookingFixtures.setUp(KTP, 5, "07:00");
        String site = setup.site();
        OffsetDateTime now = at(setup.day(), "07:00");
        OffsetDateTime slot = at(setup.day(), "10:00");

        // Any 30 days hold at most two of them.
        String spread = "warga-" + UUID.randomUUID();
        noShow(spread, site, now.minusDays(41));
        noShow(spread, site, now.minusDays(20));
        noShow(spread, site, now.minusDays(2));
        book(TestTokens.citizen(spread), site, KTP, slot).then().statusCode(201);

        // Three within a week, but the fourteen days after the last of them are over.
        String past = "warga-" + UUID.randomUUID();
        noShow(past, site, now.minusDays(17));
        noShow(past, site, now.minusDays(16));
        noShow(past, site, now.minusDays(14).minusMinutes(1));
        book(TestTokens.citizen(past), site, KTP, slot).then().statusCode(201);

        // A run that closed ten days ago still blocks, though the lone no-show after it starts no run of its own.
        String run = "warga-" + UUID.randomUUID();
        noShow(run, site, now.minusDays(39));
        noShow(run, site, now.minusDays(38));
        noShow(run, site, now.minusDays(10));
        noShow(run, site, now.minusDays(1));
        book(TestTokens.citizen(run), site, KTP, slot).then().statusCode(403)
                .body("code", equalTo("booking-blocked-after-no-shows"))
                .body("detail", containsString(" sampai " + now.plusDays(4).toLocalDate() + " 07:00 waktu setempat."));

        // Cancelled bookings are not no-shows.
        String cancelled = "warga-" + UUID.randomUUID();
        noShow(cancelled, site, now.minusDays(3));
        noShow(cancelled, site, now.minusDays(2));
        insert(cancelled, site, now.minusDays(1), "CANCELLED");
        book(TestTokens.citizen(cancelled), site, KTP, slot).then().statusCode(201);
    }

    /** A no-show as the job leaves it. */
    private void noShow(String citizenId, String site, OffsetDateTime startsAt) {
        insert(citizenId, site, startsAt, "NO_SHOW");
    }

    private void insert(String citizenId, String site, OffsetDateTime startsAt, String status) {
        pool.preparedQuery("insert into queue_booking (site_code, service_code, citizen_id, local_date, starts_at, "
                        + "ends_at, status, token_hash) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] {site, KTP, citizenId, startsAt.toLocalDate(), startsAt,
                        startsAt.plusMinutes(30), status, UUID.randomUUID().toString()}))
                .await().indefinitely();
    }

    private int count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next()
                .getInteger(0);
    }
}
