package id.satupintu.platform.idempotency;

import id.satupintu.platform.security.Digests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a create request safe to retry on a flaky mobile connection (the Idempotency-Key header):
 * the first request with a key does the work and records its response in the same transaction;
 * a retry with the same key and the same body gets that response again; the same key with a
 * different body is refused. Two retries racing each other meet on the primary key: PostgreSQL
 * makes the second wait for the first to commit, so the work is done exactly once.
 */
@ApplicationScoped
public class Idempotency {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The outcome of a request: its status and body, and whether it is a replay of an earlier one. */
    public record Outcome<T>(int status, T body, boolean replayed) {
    }

    private final ObjectMapper canonical = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndRegisterModules();

    @Inject
    ObjectMapper mapper;

    /**
     * Runs {@code work} once per (scope, key) inside the caller's transaction. Without a key the
     * work simply runs. {@code scope} should name the operation and the caller, so one client's
     * keys never collide with another's.
     */
    public <T> Uni<Outcome<T>> once(String scope, String key, Object request, int status, Class<T> type,
                                    Supplier<Uni<T>> work) {
        if (key == null) {
            return work.get().map(body -> new Outcome<>(status, body, false));
        }
        if (!KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(ProblemException.validation("Idempotency-Key", "invalid-format"));
        }
        String hash = hash(request);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into idempotency_record (scope, key, request_hash) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .executeUpdate()
                .flatMap(inserted -> inserted == 1
                        ? work.get().call(body -> session.createNativeQuery(
                                        "update idempotency_record set status = ?1, response = cast(cast(?2 as text) as jsonb) where scope = ?3 and key = ?4")
                                .setParameter(1, status).setParameter(2, json(body))
                                .setParameter(3, scope).setParameter(4, key).executeUpdate())
                                .map(body -> new Outcome<>(status, body, false))
                        : session.createNativeQuery(
                                        "select request_hash, status, cast(response as text) from idempotency_record where scope = ?1 and key = ?2",
                                        Object[].class)
                                .setParameter(1, scope).setParameter(2, key).getSingleResult()
                                .map(row -> replay(row, hash, type))));
    }

    private <T> Outcome<T> replay(Object[] row, String hash, Class<T> type) {
        if (!hash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused");
        }
        try {
            return new Outcome<>(((Number) row[1]).intValue(), mapper.readValue((String) row[2], type), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is unreadable", e);
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash of the request's content, independent of the order its fields were sent in. */
    private String hash(Object request) {
        try {
            byte[] bytes = canonical.writeValueAsString(canonical.convertValue(request, Object.class)).getBytes(StandardCharsets.UTF_8);
            return Digests.sha256Hex(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
