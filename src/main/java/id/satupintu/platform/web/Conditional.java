package id.satupintu.platform.web;

import id.satupintu.platform.security.Digests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jboss.resteasy.reactive.common.util.ExtendedCacheControl;

/**
 * Conditional GET for mobile clients: the ETag is a hash of the exact bytes sent, so it changes
 * exactly when the representation does, and an unchanged one costs the client a bodyless 304.
 */
@ApplicationScoped
public class Conditional {

    @Inject
    ObjectMapper mapper;

    public Response ok(HttpHeaders headers, Object body, CacheControl cache) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + digest(bytes) + "\"";
        if (matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).cacheControl(cache).build();
        }
        return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag)
                .cacheControl(cache).header(HttpHeaders.VARY, "Accept-Language").build();
    }

    /**
     * {@code public, max-age=<seconds>}: any cache may keep it that long. JAX-RS's own CacheControl cannot
     * say "public" and says "no-transform" by default, which is not what the API promises.
     */
    public static CacheControl publicFor(int seconds) {
        ExtendedCacheControl cache = new ExtendedCacheControl();
        cache.setPublic(true);
        cache.setNoTransform(false);
        cache.setMaxAge(seconds);
        return cache;
    }

    public static CacheControl privateNoCache() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        return cache;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(bytes)).substring(0, 27);
    }
}
