package id.satupintu.notification;

import static id.satupintu.application.ApplicationFixtures.act;
import static id.satupintu.notification.NotificationChannelsTest.await;
import static id.satupintu.notification.NotificationChannelsTest.channel;
import static id.satupintu.notification.NotificationChannelsTest.email;
import static id.satupintu.notification.NotificationChannelsTest.mailTo;
import static id.satupintu.notification.NotificationChannelsTest.phone;
import static id.satupintu.notification.NotificationChannelsTest.prefer;
import static id.satupintu.notification.NotificationChannelsTest.smsTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.application.ApplicationFixtures;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.queue.booking.BookingFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifications no step of an object makes by itself: the survey invitation after a service, and the
 * permit's expiry reminders found by a job; through the real SMTP server and gateway receiver of
 * {@link NotificationChannelsTest}.
 */
@QuarkusTest
class NotificationRemindersTest {

    static final Pattern SURVEY_LINK = Pattern.compile("https://satupintu\\.example\\.id/survei/([A-Za-z0-9_-]{24})$");

    @BeforeAll
    static void servers() throws Exception {
        NotificationChannelsTest.servers();
    }

    @AfterAll
    static void stop() throws Exception {
        NotificationChannelsTest.stop();
    }

    static List<JsonObject> smsOf(String number, String template) {
        return smsTo(number).stream().filter(sms -> template.equals(sms.getString("template"))).toList();
    }

    static Reminders reminders() {
        return Arc.container().instance(Reminders.class).get();
    }

    static long remind() {
        return remind(Instant.now());
    }

    static long remind(Instant at) {
        return reminders().remind(at).await().atMost(Duration.ofSeconds(20));
    }

    /** A phone ticket finished at the counter: its holder is invited to the survey once, with a link that works. */
    @Test
    void aFinishedPhoneTicketInvitesItsHolderToTheSurveyOnceWithAWorkingLink() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        String citizenId = UUID.randomUUID().toString();
        String citizen = TestTokens.citizen(citizenId);
        String number = phone();
        prefer(citizen, Map.of("channels", List.of(channel("SMS", number, null))));
        // A kiosk ticket finished before it belongs to nobody and invites nobody.
        String kiosk = QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
        String ticket = QueueFixtures.issue(site, citizen, "PHONE", QueueFixtures.KTP, null).then().statusCode(201)
                .extract().path("id");
        QueueFixtures.callNext(counter).then().statusCode(200).body("id", equalTo(kiosk));
        QueueFixtures.act(counter, kiosk, "start").then().statusCode(200);
        QueueFixtures.act(counter, kiosk, "finish").then().statusCode(200);
        QueueFixtures.callNext(counter).then().statusCode(200).body("id", equalTo(ticket));
        QueueFixtures.act(counter, ticket, "start").then().statusCode(200);
        QueueFixtures.act(counter, ticket, "finish").then().statusCode(200);

        await(() -> smsOf(number, "survey-open").size() == 1, "the survey invitation");
        String text = smsOf(number, "survey-open").get(0).getString("text");
        assertTrue(text.length() <= Template.SMS_LENGTH, text);
        assertTrue(text.startsWith("SatuPintu: Terima kasih telah dilayani. Mohon isi survei kepuasan"), text);
        Matcher link = SURVEY_LINK.matcher(text);
        assertTrue(link.find(), text);
        String token = link.group(1);
        // The link works: the token's hash was stored when the text was made.
        given().get("/api/v1/surveys/" + token).then().statusCode(200).body("state", equalTo("OPEN"));
        // The centre shows it too, in English when asked, the token as its subject.
        given().auth().oauth2(citizen).header("Accept-Language", "en").get("/api/v1/me/notifications").then()
                .statusCode(200).body("items[0].template", equalTo("survey-open"))
                .body("items[0].subject", equalTo(token))
                .body("items[0].text", equalTo("SatuPintu: Thank you for visiting. Please rate our service (1 minute): "
                        + "https://satupintu.example.id/survei/" + token));
        // What is stored names the transaction, never the token.
        JsonObject params = NotificationCentre.json(NotificationTests.sql(
                "select params from notification where account_id = $1::uuid and template = 'survey-open'", citizenId)
                .iterator().next().getValue(0));
        assertEquals(ticket, params.getJsonObject("survey").getString("id"));
        assertTrue(!params.encode().contains(token), params.encode());
        Thread.sleep(1500);
        assertEquals(1, smsOf(number, "survey-open").size(), "once");
    }

    /**
     * A permit expiring in 60 days, then in 14: its holder is told each once with how to renew, the job running
     * again sends nothing, and an opted-out channel gets nothing while the centre and the other channel do.
     */
    @Test
    void aPermitExpiringIn60AndIn14DaysIsRemindedOnceEachWithHowToRenew() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures("PERIZINAN", false, 12);
        String number = phone();
        prefer(f.citizen, Map.of("channels", List.of(channel("SMS", number, null))));
        String tn = issued(f);
        // The application's survey invitation (its service ended with the permit) comes with the steps.
        await(() -> smsTo(number).size() == 6 && smsOf(number, "survey-open").size() == 1, "the steps and the survey");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        String permit = expiresOn(tn, today.minusDays(300), today.plusDays(60));
        remind();
        await(() -> smsOf(number, "permit-expiring").size() == 1, "the 60-day reminder");
        String text = smsOf(number, "permit-expiring").get(0).getString("text");
        assertEquals("SatuPintu: Izin " + permit + " berlaku s.d. " + today.plusDays(60)
                + " (60 hari lagi). Ajukan perpanjangannya di aplikasi SatuPintu.", text);
        assertTrue(text.length() <= Template.SMS_LENGTH, text);
        assertEquals(0L, remind(), "a second run makes nothing");
        Thread.sleep(1500);
        assertEquals(1, smsOf(number, "permit-expiring").size());

        // 14 days left: told again, once; the SMS is opted out now, an e-mail address added.
        String mail = email();
        prefer(f.citizen, Map.of("language", "en", "channels",
                List.of(channel("SMS", null, true), channel("EMAIL", mail, null))));
        expiresOn(tn, today.minusDays(300), today.plusDays(14));
        remind();
        await(() -> {
            try {
                return mailTo(mail).size() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the 14-day reminder by e-mail");
        assertEquals("SatuPintu: Permit " + permit + " is valid until " + today.plusDays(14)
                + " (14 days left). Apply for its renewal in the SatuPintu app.",
                GreenMailUtil.getBody(mailTo(mail).get(0)).strip());
        assertEquals(0L, remind());
        Thread.sleep(1500);
        assertEquals(1, smsOf(number, "permit-expiring").size(), "the opted-out SMS got nothing");
        assertEquals(1, mailTo(mail).size());
        given().auth().oauth2(f.citizen).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.findAll { it.template == 'permit-expiring' }.size()", equalTo(2))
                .body("items[0].subject", equalTo(permit));
    }

    /** A permit never valid 60 days (issued 40 days before it expires) is not told at 60, and not before 14. */
    @Test
    void aShortPermitIsNotToldOfAThresholdItNeverHadAndNothingBeforeItsTime() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures("PERIZINAN", false, 12);
        String number = phone();
        prefer(f.citizen, Map.of("channels", List.of(channel("SMS", number, null))));
        String tn = issued(f);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        expiresOn(tn, today.minusDays(10), today.plusDays(30));
        remind();
        expiresOn(tn, today.minusDays(300), today.plusDays(61));
        remind();
        Thread.sleep(1500);
        assertEquals(0, smsOf(number, "permit-expiring").size());
        assertEquals(0L, NotificationTests.sql("select count(*) from notification where account_id = $1::uuid "
                + "and template = 'permit-expiring'", f.citizenId).iterator().next().getLong(0));
    }

    /**
     * A booking is confirmed when made; reminded on the site's last open day before its day (a closure on the day
     * before skipped), from 08:00, and in the hour before its start; each once, however often the job runs.
     */
    @Test
    void aBookingIsConfirmedThenRemindedTheOpenDayBeforeAndTheHourBeforeOnceEach() throws Exception {
        String site = BookingFixtures.bookableSite(QueueFixtures.KTP, 5);
        LocalDate day = BookingFixtures.workingDay(site, LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(8));
        String citizen = QueueFixtures.citizen();
        String number = phone();
        prefer(citizen, Map.of("channels", List.of(channel("SMS", number, null))));
        String booking = BookingFixtures.book(citizen, site, QueueFixtures.KTP, BookingFixtures.at(day, "10:00"))
                .then().statusCode(201).extract().path("id");
        await(() -> smsOf(number, "booking-confirmed").size() == 1, "the confirmation");
        assertEquals("SatuPintu: Janji temu Anda di " + site + " pada " + day
                + " pukul 10:00 telah dikonfirmasi. Tunjukkan kode QR saat check-in.",
                smsOf(number, "booking-confirmed").get(0).getString("text"));

        LocalDate before = openDayBefore(site, day);
        given().auth().oauth2(TestTokens.admin()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("startsOn", before.toString(), "endsOn", before.toString(), "reason", "Rapat dinas"))
                .post("/api/v1/sites/" + site + "/closures").then().statusCode(201);
        LocalDate earlier = openDayBefore(site, before);
        // Closed that day: no reminder then; the open day before, not before 08:00, then once.
        remind(BookingFixtures.at(before, "09:00").toInstant());
        remind(BookingFixtures.at(earlier, "07:59").toInstant());
        Thread.sleep(1500);
        assertEquals(0, smsOf(number, "booking-tomorrow").size());
        remind(BookingFixtures.at(earlier, "09:00").toInstant());
        await(() -> smsOf(number, "booking-tomorrow").size() == 1, "the day-before reminder");
        assertEquals("SatuPintu: Pengingat: janji temu Anda di " + site + " pada " + day
                + " pukul 10:00. Jangan lupa kode QR Anda.", smsOf(number, "booking-tomorrow").get(0).getString("text"));
        remind(BookingFixtures.at(earlier, "13:00").toInstant());

        // The hour before: not at 08:59, at 09:05, once.
        remind(BookingFixtures.at(day, "08:59").toInstant());
        Thread.sleep(1500);
        assertEquals(0, smsOf(number, "booking-soon").size());
        remind(BookingFixtures.at(day, "09:05").toInstant());
        await(() -> smsOf(number, "booking-soon").size() == 1, "the hour-before reminder");
        assertTrue(smsOf(number, "booking-soon").get(0).getString("text").startsWith(
                "SatuPintu: Janji temu Anda di " + site + " pukul 10:00 hari ini, satu jam lagi."));
        remind(BookingFixtures.at(day, "09:30").toInstant());
        Thread.sleep(1500);
        assertEquals(1, smsOf(number, "booking-tomorrow").size(), "once");
        assertEquals(1, smsOf(number, "booking-soon").size(), "once");
        for (JsonObject sms : smsTo(number)) {
            assertTrue(sms.getString("text").length() <= Template.SMS_LENGTH, sms.getString("text"));
        }
        given().auth().oauth2(citizen).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items[0].template", equalTo("booking-soon")).body("items[0].subject", equalTo(booking));
    }

    /** The last day before {@code day} the site is open, as its calendar says. */
    static LocalDate openDayBefore(String site, LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!BookingFixtures.workingDay(site, d).equals(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** An application of the fixture's permit service taken to its permit; its tracking number. */
    static String issued(ApplicationFixtures f) {
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "verify").statusCode(200);
        act(f.supervisor, tn, "approve").statusCode(200);
        act(f.supervisor, tn, "issue-permit").statusCode(200);
        return tn;
    }

    /** Sets the permit's dates (what a permit issued long ago would have); its number. */
    static String expiresOn(String trackingNumber, LocalDate issuedOn, LocalDate validUntil) {
        return NotificationTests.sql("update permit set issued_on = $2, valid_until = $3 where application_id = "
                        + "(select id from application where tracking_number = $1) returning number",
                trackingNumber, issuedOn, validUntil).iterator().next().getString(0);
    }
}
