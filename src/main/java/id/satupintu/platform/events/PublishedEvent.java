package id.satupintu.platform.events;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** An event as it travels to live followers: immutable and detached from any session. */
public record PublishedEvent(long id, String stream, String type, JsonObject payload, OffsetDateTime createdAt) {
}
