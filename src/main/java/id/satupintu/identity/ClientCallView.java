package id.satupintu.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** One audited call of an API client. */
// Inside Page<...>, a generic answer: registered by hand so a native image keeps its accessors.
@RegisterForReflection
public record ClientCallView(long id, String clientId, String method, String path, int status,
                             OffsetDateTime calledAt, int durationMs) {
}
