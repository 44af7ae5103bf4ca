package id.satupintu.platform.files;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * A stored file as a response, streamed with its length announced (and so not chunked): its SHA-256
 * is the ETag (304 on a matching If-None-Match), private, never sniffed by browsers. Status and
 * headers are decided when the file is found, before the first byte, because once a stream has
 * started they cannot change.
 */
final class FileDownloads {

    private static final String TRANSFER_ENCODING = "Transfer-Encoding";

    private FileDownloads() {
    }

    static RestMulti<byte[]> of(Uni<StoredFile> found, Function<StoredFile, Multi<byte[]>> content,
                                String ifNoneMatch) {
        return RestMulti.fromUniResponse(found,
                file -> unchanged(file, ifNoneMatch) ? Multi.createFrom().<byte[]>empty() : content.apply(file),
                file -> headers(file, unchanged(file, ifNoneMatch)),
                file -> unchanged(file, ifNoneMatch) ? 304 : 200);
    }

    private static String tag(StoredFile file) {
        return "\"" + file.sha256() + "\"";
    }

    private static boolean unchanged(StoredFile file, String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String tag = tag(file);
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(tag) || candidate.equals("W/" + tag));
    }

    private static Map<String, List<String>> headers(StoredFile file, boolean unchanged) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.ETAG, List.of(tag(file)));
        headers.put(HttpHeaders.CACHE_CONTROL, List.of("private, no-cache"));
        if (!unchanged) {
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(file.mediaType()));
            headers.put(HttpHeaders.CONTENT_LENGTH, List.of(String.valueOf(file.size())));
            // Quarkus REST marks every streamed response chunked before it applies these headers; with the
            // length announced that is a second framing, which HTTP/1.1 forbids (RFC 9112 section 6.3) and
            // strict clients (Node's fetch) refuse. No value removes the header, and Vert.x then sends the
            // chunks as they are, framed by the length alone.
            headers.put(TRANSFER_ENCODING, List.of());
            headers.put("X-Content-Type-Options", List.of("nosniff"));
        }
        return headers;
    }
}
