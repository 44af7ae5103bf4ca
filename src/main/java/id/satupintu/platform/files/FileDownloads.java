package id.satupintu.platform.files;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** A stored file as a response: its SHA-256 is the ETag (304 on If-None-Match), private, never sniffed by browsers. */
public final class FileDownloads {

    private FileDownloads() {
    }

    public static Response of(Request request, byte[] content, String mediaType, String sha256) {
        EntityTag tag = new EntityTag(sha256);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(content, mediaType).tag(tag).cacheControl(cache)
                .header("Content-Length", content.length)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
