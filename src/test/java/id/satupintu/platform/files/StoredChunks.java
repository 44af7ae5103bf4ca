package id.satupintu.platform.files;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Counts rows of file_chunk (alias {@code c}), for tests that check what an upload stores or leaves behind. */
public final class StoredChunks {

    /** Chunks no document or attachment refers to: what a refused, broken or replaced upload must not leave. */
    public static final String UNOWNED = "(not exists (select 1 from application_document d where d.file_id = c.file_id) "
            + "and not exists (select 1 from complaint_attachment a where a.file_id = c.file_id))";

    private StoredChunks() {
    }

    /** The chunks matching {@code where}, with {@code ?1}, {@code ?2}, ... bound to {@code parameters}. */
    public static long count(String where, Object... parameters) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery("select count(*) from file_chunk c where " + where, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        })));
    }
}
