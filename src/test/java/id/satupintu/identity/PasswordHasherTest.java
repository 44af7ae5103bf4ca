package id.satupintu.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void storedHashesVerifyAndRecordTheirCost() {
        Vertx vertx = Vertx.vertx();
        try {
            PasswordHasher hasher = new PasswordHasher(vertx, 2000, 8);
            String stored = hasher.hash("Sandi-Rahasia-1").await().atMost(Duration.ofSeconds(10));
            assertTrue(stored.startsWith("pbkdf2-sha256$2000$"), stored);
            assertTrue(hasher.verify("Sandi-Rahasia-1", stored).await().atMost(Duration.ofSeconds(10)));
            assertFalse(hasher.verify("Sandi-Lain-2", stored).await().atMost(Duration.ofSeconds(10)));
            assertFalse(hasher.verify("apa saja", null).await().atMost(Duration.ofSeconds(10)));
        } finally {
            vertx.closeAndAwait();
        }
    }

    /** Past the waiting limit a flood is refused at once instead of queueing without end. */
    @Test
    void aFloodBeyondTheWaitingLimitIsRefusedAsBusy() {
        Vertx vertx = Vertx.vertx();
        try {
            PasswordHasher hasher = new PasswordHasher(vertx, 200_000, 2);
            List<Uni<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(hasher.verify("tebakan-" + i, null).map(ok -> "checked")
                        .onFailure(ProblemException.class).recoverWithItem(e -> ((ProblemException) e).status() + ""));
            }
            List<String> outcomes = Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(60));
            assertEquals(2, outcomes.stream().filter("checked"::equals).count(), outcomes.toString());
            assertEquals(4, outcomes.stream().filter("503"::equals).count(), outcomes.toString());
        } finally {
            vertx.closeAndAwait();
        }
    }
}
