package id.satupintu.complaint.handling;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.satupintu.complaint.ComplaintFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every handling step, who may take it, the forbidden ones, responses and notes, and reopening. */
@QuarkusTest
class ComplaintWorkflowTest {

    @Test
    void fromReceivedToClosedWithEveryStepInTheHistory() {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.filed();
        f.act(f.desk, code, "verify").statusCode(200).body("state", equalTo("VERIFIED"));
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(200)
                .body("state", equalTo("FORWARDED")).body("deadline.stage", equalTo("FOLLOW_UP"));
        // Forwarded: the agency sees it now, another agency still does not.
        f.as(f.officer).get("/api/v1/complaints/" + code).then().statusCode(200)
                .body("actions", hasItems("start-follow-up", "answer"));
        f.as(f.otherOfficer).get("/api/v1/complaints/" + code).then().statusCode(404);
        f.act(f.officer, code, "start-follow-up").statusCode(200).body("state", equalTo("IN_FOLLOW_UP"));
        f.as(f.officer).body(Map.of("text", "Berkas sedang diperiksa ulang.")).post("/api/v1/complaints/" + code + "/responses")
                .then().statusCode(201).body("action", equalTo("respond")).body("visibility", equalTo("PUBLIC"));
        f.as(f.officer).body(Map.of("text", "Petugas loket 3 perlu ditegur.", "visibility", "INTERNAL"))
                .post("/api/v1/complaints/" + code + "/responses").then().statusCode(201).body("action", equalTo("note"));
        f.as(f.citizen).body(Map.of("text", "Terima kasih, saya tunggu.")).post("/api/v1/complaints/" + code + "/responses")
                .then().statusCode(201).body("action", equalTo("reply"));
        f.act(f.officer, code, "answer", Map.of("note", "Izin Anda terbit hari ini.")).statusCode(200)
                .body("state", equalTo("ANSWERED")).body("deadline", nullValue());
        f.act(f.agencySupervisor, code, "resolve", Map.of("note", "Petugas sudah dibina.")).statusCode(200)
                .body("state", equalTo("RESOLVED"));
        f.act(f.citizen, code, "close", Map.of("rating", 4)).statusCode(200)
                .body("state", equalTo("CLOSED")).body("rating", equalTo(4));

        // The reporter sees public entries without staff ids; staff see the internal note and who acted.
        f.as(f.citizen).get("/api/v1/complaints/" + code + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("file", "verify", "forward", "start-follow-up", "respond", "reply",
                        "answer", "resolve", "close")))
                .body("findAll { it.actorRole != 'reporter' }.actorId", not(hasItem(notNullValue())))
                .body("note", not(hasItem("Petugas loket 3 perlu ditegur.")));
        f.as(f.officer).get("/api/v1/complaints/" + code + "/history").then().statusCode(200)
                .body("action", hasItem("note")).body("note", hasItem("Petugas loket 3 perlu ditegur."))
                .body("find { it.action == 'forward' }.agencyCode", equalTo(f.agency))
                .body("find { it.action == 'verify' }.actorId", notNullValue());
        // Public messages end with the complaint; closing again is not a step.
        f.as(f.officer).body(Map.of("text", "lagi")).post("/api/v1/complaints/" + code + "/responses").then()
                .statusCode(409).body("code", equalTo("complaint-closed"));
        f.act(f.desk, code, "close").statusCode(409).body("code", equalTo("complaint-invalid-transition"));
    }

    @Test
    void forbiddenStepsAndBadInput() {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.filed();
        // Only the desk verifies; agency staff cannot yet even see it.
        f.act(f.citizen, code, "verify").statusCode(403);
        f.act(f.officer, code, "verify").statusCode(404);
        f.act(f.agencySupervisor, code, "verify").statusCode(404);
        f.act(f.counter, code, "verify").statusCode(404);
        f.act(f.otherDesk, code, "verify").statusCode(404);
        f.act(null, code, "verify").statusCode(404);
        f.act(f.desk, code, "start-follow-up").statusCode(403);
        f.act(f.desk, code, "answer", Map.of("note", "x")).statusCode(403);
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(409)
                .body("code", equalTo("complaint-invalid-transition"));
        f.act(f.desk, code, "terbang").statusCode(400).body("errors[0].code", equalTo("unknown-action"));
        f.as(f.desk).body(Map.of()).post("/api/v1/complaints/" + code + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        f.act(f.desk, code, "reject").statusCode(400).body("errors[0].field", equalTo("rejectReason"));
        f.act(f.desk, code, "reject", Map.of("rejectReason", "BOSAN")).statusCode(400);
        f.act(f.desk, code, "verify", Map.of("note", "x".repeat(2001))).statusCode(400)
                .body("errors[0].code", equalTo("max-length"));
        f.act(f.desk, code, "verify").statusCode(200);
        f.act(f.desk, code, "verify").statusCode(409);
        f.act(f.desk, code, "forward").statusCode(400).body("errors[0].field", equalTo("agencyCode"));
        f.act(f.desk, code, "forward", Map.of("agencyCode", "TIDAK-ADA")).statusCode(400)
                .body("errors[0].code", equalTo("complaint-unknown-agency"));
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(200);
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.agency)).statusCode(409)
                .body("code", equalTo("complaint-already-with-agency"));
        f.act(f.officer, code, "answer").statusCode(400).body("errors[0].field", equalTo("note"));
        f.act(f.citizen, code, "reopen", Map.of("reason", "x")).statusCode(409);
        // Forwarded on to the other agency: the first one loses it.
        f.act(f.desk, code, "forward", Map.of("agencyCode", f.otherAgency)).statusCode(200);
        f.as(f.officer).get("/api/v1/complaints/" + code).then().statusCode(404);
        f.act(f.otherOfficer, code, "answer", Map.of("note", "Sudah kami tindak lanjuti.")).statusCode(200);
        f.act(f.desk, code, "close", Map.of("rating", 5)).statusCode(400).body("errors[0].code",
                equalTo("complaint-reporter-only"));
        f.act(f.citizen, code, "close", Map.of("rating", 9)).statusCode(400);
        f.as(f.citizen).body(Map.of("text", "x", "visibility", "INTERNAL")).post("/api/v1/complaints/" + code + "/responses")
                .then().statusCode(400).body("errors[0].code", equalTo("complaint-staff-only"));
        f.as(f.citizen).body(Map.of("text", " ")).post("/api/v1/complaints/" + code + "/responses")
                .then().statusCode(400);
        f.as(f.otherCitizen).body(Map.of("text", "halo")).post("/api/v1/complaints/" + code + "/responses")
                .then().statusCode(404);
    }

    @Test
    void rejectionNeedsAReasonTheReporterSees() {
        ComplaintFixtures f = new ComplaintFixtures();
        String[] anonymous = f.filedAnonymously();
        f.act(f.desk, anonymous[0], "reject", Map.of("rejectReason", "SPAM", "note", "Isi tidak terkait pelayanan."))
                .statusCode(200).body("state", equalTo("REJECTED")).body("rejectReason", equalTo("SPAM"));
        f.withSecret(anonymous[1]).get("/api/v1/complaints/" + anonymous[0] + "/history").then().statusCode(200)
                .body("find { it.action == 'reject' }.reason", equalTo("SPAM"))
                .body("find { it.action == 'reject' }.note", equalTo("Isi tidak terkait pelayanan."));
        f.withSecret(anonymous[1]).body(Map.of("action", "reopen", "reason", "x"))
                .post("/api/v1/complaints/" + anonymous[0] + "/transitions").then().statusCode(409);
    }

    @Test
    void reporterReopensOnceWithinTheWindow() {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.forwarded();
        f.act(f.officer, code, "answer", Map.of("note", "Sudah selesai.")).statusCode(200)
                .body("reopenable", equalTo(true));
        f.act(f.citizen, code, "reopen").statusCode(400).body("errors[0].field", equalTo("reason"));
        f.act(f.officer, code, "reopen", Map.of("reason", "x")).statusCode(403);
        f.act(f.citizen, code, "reopen", Map.of("reason", "Belum selesai, izin belum saya terima.")).statusCode(200)
                .body("state", equalTo("IN_FOLLOW_UP")).body("reopenCount", equalTo(1))
                .body("deadline.stage", equalTo("FOLLOW_UP"));
        f.act(f.officer, code, "resolve", Map.of("note", "Izin sudah dikirim.")).statusCode(200)
                .body("reopenable", equalTo(false)).body("actions", not(hasItem("reopen")));
        f.act(f.citizen, code, "reopen", Map.of("reason", "lagi")).statusCode(409)
                .body("code", equalTo("complaint-reopen-limit"));

        // An anonymous reporter reopens with the secret, but not after the window (14 days).
        String[] anonymous = f.filedAnonymously();
        f.act(f.desk, anonymous[0], "verify").statusCode(200);
        f.act(f.desk, anonymous[0], "forward", Map.of("agencyCode", f.agency)).statusCode(200);
        f.act(f.officer, anonymous[0], "answer", Map.of("note", "Sudah.")).statusCode(200);
        f.withSecret(anonymous[1]).body(Map.of("action", "close", "rating", 2))
                .post("/api/v1/complaints/" + anonymous[0] + "/transitions").then().statusCode(200);
        ComplaintFixtures.sql("update complaint set settled_at = now() - interval '15 days' where tracking_code = ?1",
                anonymous[0]);
        f.withSecret(anonymous[1]).body(Map.of("action", "reopen", "reason", "Belum beres."))
                .post("/api/v1/complaints/" + anonymous[0] + "/transitions").then().statusCode(409)
                .body("code", equalTo("complaint-reopen-window-closed"));
        ComplaintFixtures.sql("update complaint set settled_at = now() - interval '13 days' where tracking_code = ?1",
                anonymous[0]);
        f.withSecret(anonymous[1]).body(Map.of("action", "reopen", "reason", "Belum beres."))
                .post("/api/v1/complaints/" + anonymous[0] + "/transitions").then().statusCode(200)
                .body("state", equalTo("IN_FOLLOW_UP"));
    }

    @Test
    void racingDeskMembersVerifyOnce() throws Exception {
        ComplaintFixtures f = new ComplaintFixtures();
        String code = f.filed();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> verify = () -> f.act(f.desk, code, "verify").extract().statusCode();
                results.add(pool.submit(verify));
            }
            int ok = 0;
            int conflict = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                ok += status == 200 ? 1 : 0;
                conflict += status == 409 ? 1 : 0;
            }
            assertEquals(1, ok);
            assertEquals(5, conflict);
        } finally {
            pool.shutdownNow();
        }
        f.as(f.desk).get("/api/v1/complaints/" + code + "/history").then().body("findAll { it.action == 'verify' }",
                hasSize(1));
    }

    @Test
    void handlingListsAreScopedAndCarryNoIdentity() {
        ComplaintFixtures f = new ComplaintFixtures();
        String waiting = f.filed();
        String forwarded = f.forwarded();
        f.as(f.desk).get("/api/v1/complaints?state=RECEIVED").then().statusCode(200)
                .body("items.trackingCode", hasItem(waiting)).body("items.trackingCode", not(hasItem(forwarded)));
        f.as(f.officer).get("/api/v1/complaints").then().statusCode(200)
                .body("items.trackingCode", hasItem(forwarded)).body("items.trackingCode", not(hasItem(waiting)));
        f.as(f.otherDesk).get("/api/v1/complaints").then().statusCode(200)
                .body("items.trackingCode", not(hasItems(waiting)));
        f.as(f.otherDesk).get("/api/v1/complaints?site=" + f.site).then().statusCode(403);
        f.as(f.citizen).get("/api/v1/complaints").then().statusCode(403);
        f.as(f.counter).get("/api/v1/complaints").then().statusCode(403);
        f.as(null).get("/api/v1/complaints").then().statusCode(401);
        f.as(f.desk).get("/api/v1/complaints?state=OPEN").then().statusCode(400);
        f.as(f.desk).get("/api/v1/complaints?late=maybe").then().statusCode(400);
        f.as(f.desk).get("/api/v1/complaints?limit=0").then().statusCode(400);
        f.as(f.desk).get("/api/v1/complaints?cursor=rusak").then().statusCode(400);
        f.as(f.desk).get("/api/v1/complaints?limit=1").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", notNullValue());
    }
}
