package id.satupintu.identity;

import java.time.OffsetDateTime;

/** One audited call of an API client. */
public record ClientCallView(long id, String clientId, String method, String path, int status,
                             OffsetDateTime calledAt, int durationMs) {
}
