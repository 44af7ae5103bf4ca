package id.satupintu.platform.files;

import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.security.Digests;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.HttpEdge;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.WriteStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Receives an uploaded document without holding it in memory: the request body is piped (with
 * back-pressure) into a temporary file, hashed (SHA-256) and counted on the way, and its first bytes
 * are kept to recognise the format. Over the size limit the transfer stops at once with a 413; an
 * empty body is a 400. {@link FileStore} then writes the file into PostgreSQL chunk by chunk and
 * discards it.
 */
@ApplicationScoped
class DocumentReceiver {

    /** Enough leading bytes for every format {@link DocumentFormats} recognises. */
    static final int HEAD = 16;

    @Inject
    Vertx vertx;

    @Inject
    PlatformConfig config;

    Uni<ReceivedFile> receive(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredOver(length)) {
            return Uni.createFrom().failure(tooLarge());
        }
        if (HttpEdge.bodyReadAtTheEdge(request)) {
            // A JSON or form body, read whole at the edge: no document format is one (DocumentFormats), and
            // piping a request that has ended would wait for its end forever.
            return Uni.createFrom().failure(new ProblemException(415, "document-format-unrecognised"));
        }
        return Uni.createFrom().completionStage(() -> vertx.fileSystem()
                        .createTempFile("satupintu-document-", ".upload").toCompletionStage())
                .flatMap(file -> Uni.createFrom().completionStage(() -> vertx.fileSystem()
                                .open(file, new OpenOptions().setWrite(true).setTruncateExisting(true))
                                .flatMap(out -> {
                                    Hashing sink = new Hashing(out, config.documents().maxBytes());
                                    return request.pipeTo(sink).map(ignored -> sink.received(file))
                                            // A failed pipe leaves the file open: close it before deleting.
                                            .recover(e -> out.close().transform(closed -> Future.failedFuture(e)));
                                }).toCompletionStage())
                        .map(DocumentReceiver::nonEmpty)
                        .onFailure().call(() -> discard(file)));
    }

    /** Deletes the temporary file; never fails (a leftover temp file is not the client's problem). */
    Uni<Void> discard(String file) {
        return Uni.createFrom().completionStage(() -> vertx.fileSystem().delete(file).toCompletionStage())
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Reads the file in chunks of at most {@code chunkSize} bytes, one after the other, handing each to
     * {@code store} before reading the next: at most one chunk is in memory at a time. Runs on the
     * caller's Vert.x context, so a Hibernate Reactive session can be used in {@code store}.
     */
    Uni<Integer> eachChunk(String file, int chunkSize, ChunkSink store) {
        return Uni.createFrom().completionStage(() -> vertx.fileSystem()
                        .open(file, new OpenOptions().setRead(true).setWrite(false)).toCompletionStage())
                .flatMap(in -> next(in, chunkSize, 0, 0L, store)
                        .eventually(() -> Uni.createFrom().completionStage(() -> in.close().toCompletionStage())));
    }

    /** Stores one chunk. */
    @FunctionalInterface
    interface ChunkSink {
        Uni<Void> store(int seq, byte[] data);
    }

    private Uni<Integer> next(AsyncFile in, int chunkSize, int seq, long position, ChunkSink store) {
        return Uni.createFrom().completionStage(() -> in.read(Buffer.buffer(chunkSize), 0, position, chunkSize)
                        .toCompletionStage())
                .flatMap(buffer -> buffer.length() == 0 ? Uni.createFrom().item(seq)
                        : store.store(seq, buffer.getBytes())
                                .flatMap(ignored -> next(in, chunkSize, seq + 1, position + buffer.length(), store)));
    }

    /** Every upload needs a body: the same 400 whichever feature takes it. */
    private static ReceivedFile nonEmpty(ReceivedFile received) {
        if (received.size() == 0) {
            throw ProblemException.validation("body", "required");
        }
        return received;
    }

    private boolean declaredOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > config.documents().maxBytes();
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private ProblemException tooLarge() {
        long max = config.documents().maxBytes();
        return new ProblemException(413, "document-too-large", Math.max(1, max / (1024 * 1024)));
    }

    /** Writes to the file while hashing, counting and keeping the first bytes; refuses bytes past the limit. */
    private final class Hashing implements WriteStream<Buffer> {

        private final AsyncFile out;
        private final long limit;
        private final MessageDigest digest;
        private final byte[] head = new byte[HEAD];
        private int headLength;
        private long size;

        Hashing(AsyncFile out, long limit) {
            this.out = out;
            this.limit = limit;
            this.digest = Digests.digest();
        }

        ReceivedFile received(String file) {
            return new ReceivedFile(file, size, HexFormat.of().formatHex(digest.digest()), Arrays.copyOf(head, headLength));
        }

        @Override
        public Future<Void> write(Buffer data) {
            size += data.length();
            if (size > limit) {
                return Future.failedFuture(tooLarge());
            }
            byte[] bytes = data.getBytes();
            int take = Math.min(HEAD - headLength, bytes.length);
            System.arraycopy(bytes, 0, head, headLength, take);
            headLength += take;
            digest.update(bytes);
            return out.write(data);
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            write(data).onComplete(handler);
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            out.end(handler);
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            out.exceptionHandler(handler);
            return this;
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            out.setWriteQueueMaxSize(maxSize);
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return out.writeQueueFull();
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            out.drainHandler(handler);
            return this;
        }
    }
}
