package id.satupintu.integration.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A delivery that failed every attempt, as an administrator inspects it before a replay. */
// Answered inside the generic Page: registered by hand for native.
@RegisterForReflection
public record DeadLetter(long id, UUID subscriptionId, String clientName, String url, long eventId, String eventType,
                         int attempts, Integer lastStatus, String lastError, OffsetDateTime createdAt,
                         OffsetDateTime deadAt) {
}
