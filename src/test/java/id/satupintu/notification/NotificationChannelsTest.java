package id.satupintu.notification;

import static id.satupintu.application.ApplicationFixtures.act;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.satupintu.application.ApplicationFixtures;
import id.satupintu.complaint.ComplaintFixtures;
import id.satupintu.integration.SignedDelivery;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.security.Roles;
import id.satupintu.queue.QueueFixtures;
import id.satupintu.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbound channels against real servers: e-mail through a GreenMail SMTP server, SMS and WhatsApp through
 * a local gateway receiver (a Vert.x HTTP server) that checks the signature. Ports as in application.properties.
 */
@QuarkusTest
class NotificationChannelsTest {

    static final String SECRET = "test-only-gateway-secret";

    static GreenMail smtp;
    static Vertx vertx;
    static HttpServer receiver;
    /** What the gateway received: its JSON bodies, in arrival order, with whether the signature matched. */
    static final List<JsonObject> received = new CopyOnWriteArrayList<>();
    static final List<Boolean> signedRight = new CopyOnWriteArrayList<>();
    /** Numbers the gateway answers 500 for: always, or only the first time. */
    static final Set<String> alwaysFailing = ConcurrentHashMap.newKeySet();
    static final Set<String> failingOnce = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void servers() throws Exception {
        smtp = new GreenMail(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        vertx = Vertx.vertx();
        receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String signature = request.getHeader(SignedDelivery.HEADER);
            boolean valid = false;
            if (signature != null && signature.startsWith("t=")) {
                String[] parts = signature.split(",");
                long t = Long.parseLong(parts[0].substring(2));
                valid = Arrays.stream(parts).skip(1).anyMatch(part -> part.equals("v1="
                        + SignedDelivery.sign(SECRET, t, body.getBytes())));
            }
            JsonObject json = body.toJsonObject();
            received.add(json);
            signedRight.add(valid);
            String to = json.getString("to");
            int status = alwaysFailing.contains(to) || failingOnce.remove(to) ? 500 : 202;
            request.response().setStatusCode(status).end();
        })).listen(39080, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static String phone() {
        return "0812" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    static String email() {
        return "warga-" + UUID.randomUUID().toString().substring(0, 8) + "@example.id";
    }

    static void prefer(String token, Map<String, Object> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/me/notification-preferences").then().statusCode(200);
    }

    static Map<String, Object> channel(String channel, String address, Boolean optedOut) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("channel", channel);
        c.put("address", address);
        c.put("optedOut", optedOut);
        return c;
    }

    static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                to.add(message);
            }
        }
        return to;
    }

    static List<JsonObject> smsTo(String number) {
        return received.stream().filter(json -> number.equals(json.getString("to"))).toList();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static List<Row> sends(String account) {
        List<Row> rows = new ArrayList<>();
        NotificationTests.sql("select s.* from notification_send s join notification n on n.id = s.notification_id "
                + "where n.account_id = $1::uuid order by s.id", account).forEach(rows::add);
        return rows;
    }

    @Test
    void everyApplicationStepGoesOutByEmailAndSmsSignedAndRecordedWithoutItsText() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String mail = email();
        String number = phone();
        prefer(f.citizen, Map.of("channels", List.of(channel("EMAIL", mail, null),
                channel("SMS", "+62 " + number.substring(1), null))));
        String tn = f.submitted();
        act(f.officer, tn, "start-verification").statusCode(200);
        act(f.officer, tn, "verify").statusCode(200);
        act(f.supervisor, tn, "approve").statusCode(200);
        act(f.supervisor, tn, "issue-permit").statusCode(200);
        await(() -> {
            try {
                return mailTo(mail).size() == 6 && smsTo(number).size() == 6;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "6 e-mails and 6 SMS: five steps and the survey invitation");
        List<String> bodies = new ArrayList<>();
        for (MimeMessage message : mailTo(mail)) {
            assertEquals("Pemberitahuan SatuPintu", message.getSubject());
            bodies.add(GreenMailUtil.getBody(message).strip());
        }
        assertTrue(bodies.contains("SatuPintu: Izin untuk permohonan " + tn
                + " telah terbit. Unduh dokumennya di aplikasi SatuPintu."), bodies.toString());
        for (JsonObject sms : smsTo(number)) {
            assertEquals("SMS", sms.getString("channel"));
            assertTrue(sms.getString("text").length() <= Template.SMS_LENGTH);
            assertTrue(sms.getString("text").contains(sms.getString("template").equals("survey-open")
                    ? "https://satupintu.example.id/survei/" : tn), sms.getString("text"));
        }
        assertTrue(smsTo(number).stream().anyMatch(sms -> sms.getString("template").equals("permit-issued")));
        for (int i = 0; i < received.size(); i++) {
            assertTrue(signedRight.get(i), "every gateway call carries a valid signature");
        }
        await(() -> sends(f.citizenId).stream().allMatch(row -> row.getString("state").equals("SENT")), "all SENT");
        List<Row> rows = sends(f.citizenId);
        assertEquals(12, rows.size());
        // What is recorded: channel, template, state; no column holds the text or the address.
        for (Row row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object value = row.getValue(c);
                if (value != null) {
                    assertFalse(value.toString().contains(tn) || value.toString().contains(number.substring(4))
                            || value.toString().contains(mail), row.getColumnName(c) + " leaks " + value);
                }
            }
        }
        // The preferences show the addresses masked.
        given().auth().oauth2(f.citizen).get("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("channels.find { it.channel == 'EMAIL' }.address", equalTo("w" + "*".repeat(13) + "@example.id"))
                .body("channels.find { it.channel == 'SMS' }.address",
                        equalTo("0812" + "*".repeat(number.length() - 8) + number.substring(number.length() - 4)));
    }

    @Test
    void anAnsweredComplaintGoesOutInEnglishWhenAskedFor() throws Exception {
        ComplaintFixtures c = new ComplaintFixtures();
        String mail = email();
        String number = phone();
        prefer(c.citizen, Map.of("language", "en", "channels", List.of(channel("EMAIL", mail, null),
                channel("WHATSAPP", number, null))));
        String code = c.forwarded();
        c.act(c.officer, code, "answer", Map.of("note", "Sudah kami tindak.")).statusCode(200);
        await(() -> {
            try {
                return mailTo(mail).size() == 1 && smsTo(number).size() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the e-mail and the WhatsApp message");
        String text = "SatuPintu: Complaint " + code + " has been answered. Read the answer in the SatuPintu app.";
        assertEquals(text, GreenMailUtil.getBody(mailTo(mail).get(0)).strip());
        assertEquals("SatuPintu notification", mailTo(mail).get(0).getSubject());
        assertEquals("WHATSAPP", smsTo(number).get(0).getString("channel"));
        assertEquals(text, smsTo(number).get(0).getString("text"));
    }

    @Test
    void aFailingGatewayIsRetriedWithBackoffThenDeadLettered() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String flaky = phone();
        failingOnce.add(flaky);
        prefer(f.citizen, Map.of("channels", List.of(channel("SMS", flaky, null))));
        f.submitted();
        await(() -> smsTo(flaky).size() == 2, "a retry after the first failure");
        await(() -> "SENT".equals(sends(f.citizenId).get(0).getString("state")), "SENT on the retry");
        assertEquals(2, sends(f.citizenId).get(0).getInteger("attempts"));

        ApplicationFixtures g = new ApplicationFixtures();
        String broken = phone();
        alwaysFailing.add(broken);
        prefer(g.citizen, Map.of("channels", List.of(channel("SMS", broken, null))));
        g.submitted();
        await(() -> "DEAD".equals(sends(g.citizenId).get(0).getString("state")), "DEAD after the last attempt");
        Row dead = sends(g.citizenId).get(0);
        assertEquals(3, dead.getInteger("attempts"));
        assertEquals(500, dead.getInteger("last_status"));
        assertEquals("HTTP 500", dead.getString("last_error"));
        assertEquals(3, smsTo(broken).size());
        // The centre has it all the same.
        given().auth().oauth2(g.citizen).get("/api/v1/me/notifications").then().body("items", hasSize(1));

        // An administrator sees it among the dead sends, without its address or text, and sends it again.
        long id = dead.getLong("id");
        String admin = TestTokens.staff(Roles.ADMIN, null, null);
        String listed = given().auth().oauth2(admin).get("/api/v1/notification-sends/dead?channel=SMS&limit=200")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items.find { it.id == " + id + " }.template", equalTo("application-state"))
                .body("items.find { it.id == " + id + " }.addressee", equalTo("ACCOUNT"))
                .body("items.find { it.id == " + id + " }.lastError", equalTo("HTTP 500"))
                .extract().asString();
        assertFalse(listed.contains(broken.substring(4)), "no number in the list");
        for (String token : List.of(g.citizen, TestTokens.staff(Roles.SUPERVISOR, "DISDUKCAPIL-BDG", null))) {
            given().auth().oauth2(token).get("/api/v1/notification-sends/dead").then().statusCode(403);
            given().auth().oauth2(token).post("/api/v1/notification-sends/dead/" + id + "/replay").then().statusCode(403);
        }
        given().get("/api/v1/notification-sends/dead").then().statusCode(401);
        given().auth().oauth2(admin).get("/api/v1/notification-sends/dead?channel=PIGEON").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("channel")));
        given().auth().oauth2(admin).get("/api/v1/notification-sends/dead?cursor=bm90LWEtbnVtYmVy").then().statusCode(400)
                .body("code", equalTo("invalid-cursor"));
        given().auth().oauth2(admin).post("/api/v1/notification-sends/dead/99999999999/replay").then().statusCode(404)
                .body("code", equalTo("notification-send-not-found"));
        given().auth().oauth2(admin).post("/api/v1/notification-sends/dead/abc/replay").then().statusCode(404);
        long sent = sends(f.citizenId).get(0).getLong("id");
        given().auth().oauth2(admin).post("/api/v1/notification-sends/dead/" + sent + "/replay").then().statusCode(409)
                .body("code", equalTo("notification-send-not-dead"));

        alwaysFailing.remove(broken);
        given().auth().oauth2(admin).post("/api/v1/notification-sends/dead/" + id + "/replay").then().statusCode(202);
        await(() -> "SENT".equals(sends(g.citizenId).get(0).getString("state")), "SENT once replayed");
        assertEquals(4, smsTo(broken).size());
        given().auth().oauth2(admin).get("/api/v1/notification-sends/dead?limit=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
    }

    @Test
    void quietHoursHoldASendUntilTheyEndAndOptingOutStopsIt() throws Exception {
        ApplicationFixtures f = new ApplicationFixtures();
        String mail = email();
        String number = phone();
        // Quiet from an hour ago to an hour from now, at the site (MPP-BDG keeps WIB).
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Jakarta"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        prefer(f.citizen, Map.of("quietStart", now.minusHours(1).format(hhmm), "quietEnd", now.plusHours(1).format(hhmm),
                "channels", List.of(channel("EMAIL", mail, null), channel("SMS", number, true))));
        String tn = f.submitted();
        // The opted-out SMS is not even planned; the e-mail waits for the end of the quiet hours.
        await(() -> {
            List<Row> rows = sends(f.citizenId);
            return rows.size() == 1 && rows.get(0).getOffsetDateTime("next_attempt_at").toInstant()
                    .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(50)));
        }, "the e-mail held");
        Row held = sends(f.citizenId).get(0);
        assertEquals("EMAIL", held.getString("channel"));
        assertEquals("PENDING", held.getString("state"));
        assertEquals(0, held.getInteger("attempts"));
        Thread.sleep(1500);
        assertEquals(0, mailTo(mail).size());
        assertEquals(0, smsTo(number).size());

        // Opting out of e-mail while it waits: when its time comes it is skipped, not sent.
        prefer(f.citizen, Map.of("channels", List.of(channel("EMAIL", null, true))));
        NotificationTests.sql("update notification_send set next_attempt_at = now() where id = $1", held.getLong("id"));
        await(() -> "SKIPPED".equals(sends(f.citizenId).get(0).getString("state")), "SKIPPED");
        assertEquals("opted-out", sends(f.citizenId).get(0).getString("skip_reason"));
        assertEquals(0, mailTo(mail).size());

        // Quiet hours over and e-mail back on: the next step goes out at once.
        prefer(f.citizen, Map.of("channels", List.of(channel("EMAIL", null, false))));
        act(f.officer, tn, "start-verification").statusCode(200);
        await(() -> {
            try {
                return mailTo(mail).size() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the e-mail after quiet hours were lifted");
    }

    /**
     * Four counters call at once while the phone ticket is sixth: it jumps past the near position (3) in one
     * step. Its holder is told once, on every channel once, whatever order the calls commit in.
     */
    @Test
    void theTurnIsNearOnceWhenRacingCountersCallATicketForward() throws Exception {
        for (int round = 0; round < 3; round++) {
            String site = QueueFixtures.openSite();
            QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
            List<QueueFixtures.OpenCounter> counters = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                counters.add(QueueFixtures.openCounter(site, i, "A"));
            }
            for (int i = 0; i < 5; i++) {
                QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
            }
            String citizenId = UUID.randomUUID().toString();
            String citizen = TestTokens.citizen(citizenId);
            String number = phone();
            prefer(citizen, Map.of("channels", List.of(channel("SMS", number, null))));
            String mine = QueueFixtures.issue(site, citizen, "PHONE", QueueFixtures.KTP, null).then().statusCode(201)
                    .extract().path("id");
            ExecutorService pool = Executors.newFixedThreadPool(counters.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (QueueFixtures.OpenCounter counter : counters) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return QueueFixtures.callNext(counter).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                assertEquals(200, call.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            await(() -> smsTo(number).size() >= 1, "the SMS");
            Thread.sleep(1500);
            assertEquals(1, smsTo(number).size(), "one SMS");
            JsonObject sms = smsTo(number).get(0);
            assertEquals("turn-near", sms.getString("template"));
            assertTrue(sms.getString("text").startsWith("SatuPintu: Antrean A-006 tinggal "), sms.getString("text"));
            given().auth().oauth2(citizen).get("/api/v1/me/notifications").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].template", equalTo("turn-near"))
                    .body("items[0].subject", equalTo("A-006"));
            assertEquals(1L, NotificationTests.sql("select count(*) from event where stream = $1 and type = 'ticket.near'",
                    "ticket:" + mine).iterator().next().getLong(0));
            // A later call (at a fifth counter: the four hold their called tickets) does not tell it again.
            QueueFixtures.callNext(QueueFixtures.openCounter(site, 5, "A")).then().statusCode(200);
            Thread.sleep(1000);
            assertEquals(1, smsTo(number).size());
        }
    }

    static Map<String, Object> kioskRequest(String phone, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceCode", QueueFixtures.KTP);
        body.put("channel", "KIOSK");
        body.put("phone", phone);
        body.put("language", language);
        return body;
    }

    /**
     * A kiosk ticket whose holder left a phone number (with spaces and +62, as people type it) is texted once when
     * its turn is near, in the language chosen at the kiosk. The number is stored encrypted, shown masked to the
     * kiosk and the site's staff only, and is in no event and in nobody's notification centre.
     */
    @Test
    void aKioskTicketWhoseHolderLeftANumberIsTextedWhenTheTurnIsNear() throws Exception {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        QueueFixtures.OpenCounter counter = QueueFixtures.openCounter(site, 1, "A");
        for (int i = 0; i < 3; i++) {
            QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
        }
        String number = phone();
        String typed = "+62 " + number.substring(1, 4) + "-" + number.substring(4, 8) + " " + number.substring(8);
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        String masked = PersonalDataProtection.maskPhone(number);
        String id = given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(kioskRequest(typed, "en"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(201)
                .body("number", equalTo("A-004")).body("position", equalTo(4)).body("contactPhone", equalTo(masked))
                .extract().path("id");
        assertFalse(masked.contains(number.substring(4, 8)), masked);
        Row stored = NotificationTests.sql("select phone_encrypted, phone_masked, language from queue_ticket_contact "
                + "where ticket_id = $1::uuid", id).iterator().next();
        assertFalse(stored.getString("phone_encrypted").contains(number.substring(4)), "encrypted at rest");
        assertEquals("en", stored.getString("language"));
        given().auth().oauth2(TestTokens.staff(Roles.COUNTER_STAFF, null, site)).get("/api/v1/tickets/" + id)
                .then().statusCode(200).body("contactPhone", equalTo(masked));
        given().auth().oauth2(QueueFixtures.device(Roles.KIOSK, QueueFixtures.openSite())).get("/api/v1/tickets/" + id)
                .then().statusCode(403);

        QueueFixtures.callNext(counter).then().statusCode(200);
        await(() -> smsTo(number).size() >= 1, "the SMS to the number left at the kiosk");
        Thread.sleep(1000);
        assertEquals(1, smsTo(number).size(), "one SMS");
        JsonObject sms = smsTo(number).get(0);
        assertEquals("turn-near", sms.getString("template"));
        assertEquals("SatuPintu: Ticket A-004 is 3 away from its turn. Please get ready for the counter.",
                sms.getString("text"));
        assertTrue(signedRight.get(received.indexOf(sms)), "signed as the gateway contract says");
        Row notification = NotificationTests.sql("select account_id, contact_ticket_id from notification "
                + "where contact_ticket_id = $1::uuid", id).iterator().next();
        assertEquals(null, notification.getUUID("account_id"));
        assertEquals(1L, NotificationTests.sql("select count(*) from notification_send s join notification n on "
                + "n.id = s.notification_id where n.contact_ticket_id = $1::uuid and s.state = 'SENT' and s.channel = 'SMS'",
                id).iterator().next().getLong(0));
        assertEquals(0L, NotificationTests.sql("select count(*) from event where payload::text like '%' || $1 || '%'",
                number.substring(4)).iterator().next().getLong(0), "the number is in no event");
        // A later call (at a second counter: the first holds its called ticket) does not tell it again.
        QueueFixtures.callNext(QueueFixtures.openCounter(site, 2, "A")).then().statusCode(200);
        Thread.sleep(1000);
        assertEquals(1, smsTo(number).size());

        // The same over GraphQL: the contact is taken, and only its mask comes back.
        String other = phone();
        QueueFixtures.graphql(kiosk, "mutation($site: String!, $phone: String) { issueTicket(site: $site, input: "
                        + "{serviceCode: \"" + QueueFixtures.KTP + "\", channel: KIOSK, phone: $phone}) "
                        + "{ number contactPhone } }", Map.of("site", site, "phone", other))
                .body("errors", nullValue()).body("data.issueTicket.number", equalTo("A-005"))
                .body("data.issueTicket.contactPhone", equalTo(PersonalDataProtection.maskPhone(other)));
    }

    /** Wrong numbers, languages and channels for a contact are 400s that name the field, and issue no ticket. */
    @Test
    void aContactWhereItDoesNotBelongOrMalformedIsRefusedAndIssuesNothing() {
        String site = QueueFixtures.openSite();
        QueueFixtures.createLane(site, "A", 100, QueueFixtures.KTP);
        String kiosk = QueueFixtures.device(Roles.KIOSK, site);
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(kioskRequest("0812\u00003456789", null))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400).contentType("application/problem+json");
        for (String bad : List.of("12345", "\uFF10\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18",
                "+1 202 555 0100", "0812345678901234567890", "9".repeat(100_000), "")) {
            given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(kioskRequest(bad, null))
                    .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("phone")));
        }
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(kioskRequest(phone(), "fr"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                .body("errors.field", equalTo(List.of("language"))).body("errors.code", equalTo(List.of("notification-language")));
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(kioskRequest(null, "en"))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                .body("errors.code", equalTo(List.of("contact-language-without-phone")));
        Map<String, Object> byPhone = kioskRequest(phone(), null);
        byPhone.put("channel", "PHONE");
        given().auth().oauth2(QueueFixtures.citizen()).contentType(ContentType.JSON).body(byPhone)
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400)
                .body("errors.code", equalTo(List.of("contact-on-site-only")));
        given().auth().oauth2(kiosk).contentType(ContentType.JSON).body(Map.of("serviceCode", QueueFixtures.KTP,
                        "channel", "KIOSK", "phone", 81234567))
                .post("/api/v1/sites/" + site + "/tickets").then().statusCode(400);
        QueueFixtures.graphql(kiosk, "mutation($site: String!) { issueTicket(site: $site, input: {serviceCode: \""
                        + QueueFixtures.KTP + "\", channel: KIOSK, phone: \"12345\"}) { number } }", Map.of("site", site))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("phone"))
                .body("data.issueTicket", nullValue());
        assertEquals(0L, NotificationTests.sql("select count(*) from queue_ticket where site_code = $1", site)
                .iterator().next().getLong(0), "no ticket was issued");
        QueueFixtures.kioskTicket(site, QueueFixtures.KTP, null);
        assertEquals(1L, NotificationTests.sql("select count(*) from queue_ticket where site_code = $1", site)
                .iterator().next().getLong(0));
    }

    @Test
    void preferencesRefuseBadInputWithClearProblems() {
        String citizen = TestTokens.citizen(UUID.randomUUID().toString());
        given().auth().oauth2(citizen).get("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("language", equalTo("id")).body("quietStart", nullValue()).body("channels", hasSize(0));
        List<Map<String, Object>> bad = List.of(
                Map.of("language", "fr"),
                Map.of("quietStart", "25:00", "quietEnd", "06:00"),
                Map.of("quietStart", "21:00"),
                Map.of("quietStart", "21:00", "quietEnd", "21:00"),
                Map.of("channels", List.of(Map.of("channel", "PIGEON", "address", "x"))),
                Map.of("channels", List.of(Map.of("address", "x@example.id"))),
                Map.of("channels", List.of(Map.of("channel", "EMAIL", "address", "not-an-address"))),
                Map.of("channels", List.of(Map.of("channel", "EMAIL", "address", "a".repeat(300) + "@example.id"))),
                Map.of("channels", List.of(Map.of("channel", "SMS", "address", "12345"))),
                Map.of("channels", List.of(Map.of("channel", "SMS", "address", "0812\u00003456789"))),
                Map.of("channels", List.of(Map.of("channel", "SMS", "address", "٠٨١٢٣٤٥٦٧٨٩٠"))),
                Map.of("channels", List.of(channel("SMS", phone(), null), channel("SMS", phone(), null))),
                // A channel without an address must have one already.
                Map.of("channels", List.of(Map.of("channel", "WHATSAPP", "optedOut", true))));
        for (Map<String, Object> body : bad) {
            given().auth().oauth2(citizen).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/me/notification-preferences").then().statusCode(400)
                    .body("code", equalTo("validation-failed"));
        }
        for (String raw : List.of("", "{", "[]", "{\"language\": 5, \"channels\": \"SMS\"}",
                "{\"channels\": [{\"channel\": \"SMS\", \"optedOut\": \"perhaps\"}]}")) {
            int status = given().auth().oauth2(citizen).contentType(ContentType.JSON).body(raw.getBytes(StandardCharsets.UTF_8))
                    .put("/api/v1/me/notification-preferences").then().extract().statusCode();
            assertTrue(status == 400, raw + " answered " + status);
        }
        given().auth().oauth2(TestTokens.staff(Roles.OFFICER, null, "MPP-BDG"))
                .get("/api/v1/me/notification-preferences").then().statusCode(403);
        given().get("/api/v1/me/notification-preferences").then().statusCode(401);
        // Nothing of the refused requests was stored.
        given().auth().oauth2(citizen).get("/api/v1/me/notification-preferences").then().body("channels", hasSize(0))
                .body("language", equalTo("id"));
    }
}
