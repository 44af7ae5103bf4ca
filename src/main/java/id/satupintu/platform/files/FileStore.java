package id.satupintu.platform.files;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The one store of uploaded files, for every feature that takes them (application documents,
 * complaint attachments). Bytes live in table {@code file_chunk}, numbered chunks of at most
 * {@link #CHUNK} bytes under a file id; the feature's own row holds that id and what is known of the
 * file (format, size, SHA-256). Neither direction holds a whole file in memory: an upload is received
 * into a temporary spool (the size limit enforced while it streams, hashed and sniffed on the way) and
 * written chunk by chunk in the transaction of the row that refers to it; a download reads one chunk
 * at a time while it is sent.
 *
 * <p>Why a spool rather than chunks written as the body arrives: a slow mobile upload would otherwise
 * hold a pooled connection, and the lock of the row it belongs to, for as long as the transfer lasts,
 * and a refused or broken upload would leave chunks to clean up.
 */
@ApplicationScoped
public class FileStore {

    /** Bytes per stored chunk: what an upload or a download holds in memory at once (file_chunk, V16_1 and V29). */
    public static final int CHUNK = 256 * 1024;

    private static final String INSERT = "insert into file_chunk (file_id, seq, data) values (?1, ?2, ?3)";
    private static final String DELETE = "delete from file_chunk where file_id = ?1";
    private static final String READ = "select data from file_chunk where file_id = $1 and seq = $2";

    @Inject
    DocumentReceiver receiver;

    @Inject
    Pool pool;

    /**
     * Receives the request body and hands it to {@code use}; the spool is removed afterwards, whatever
     * {@code use} did. Refuses an empty body (400) and one over {@code satupintu.documents.max-bytes}
     * (413 document-too-large, as soon as the limit is passed). The body is read here: check first
     * whatever can be checked without it.
     */
    public <T> Uni<T> receive(HttpServerRequest request, Function<ReceivedFile, Uni<T>> use) {
        return receiver.receive(request).flatMap(file -> Uni.createFrom().deferred(() -> use.apply(file))
                .eventually(() -> receiver.discard(file.spool())));
    }

    /**
     * Writes a received file's bytes as a new stored file, in the caller's Hibernate Reactive session and
     * so in its transaction: the chunks exist exactly when the row that refers to them commits. One chunk
     * is read from the spool at a time. Returns the new file's id.
     */
    public Uni<UUID> write(ReceivedFile file) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().flatMap(session -> receiver.eachChunk(file.spool(), CHUNK, (seq, data) -> session
                        .createNativeQuery(INSERT).setParameter(1, id).setParameter(2, seq).setParameter(3, data)
                        .executeUpdate().replaceWithVoid()))
                .replaceWith(id);
    }

    /** Removes a stored file's bytes (a replaced document's), in the caller's session and transaction. */
    public Uni<Void> delete(UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(DELETE).setParameter(1, id)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * A stored file's bytes, one chunk per query, each read only when the client has taken the one
     * before: a download holds one chunk in memory and no connection between chunks. A file deleted
     * meanwhile (a replaced document) ends the stream in an error rather than mix versions.
     */
    Multi<byte[]> read(StoredFile file) {
        return Multi.createFrom().range(0, file.chunks())
                .onItem().transformToUniAndConcatenate(seq -> pool.preparedQuery(READ)
                        .execute(Tuple.of(file.id(), seq))
                        .map(rows -> {
                            if (rows.size() == 0) {
                                throw new IllegalStateException("file " + file.id() + " was removed while it was sent");
                            }
                            return rows.iterator().next().getBuffer(0).getBytes();
                        }));
    }

    /**
     * A stored file as a streamed response ({@link FileDownloads}). Whether it exists and the caller may
     * read it is settled before, by the endpoint's stream guard, so a refusal is a plain problem response.
     */
    public RestMulti<byte[]> download(StoredFile file, String ifNoneMatch) {
        return FileDownloads.of(Uni.createFrom().item(file), this::read, ifNoneMatch);
    }
}
