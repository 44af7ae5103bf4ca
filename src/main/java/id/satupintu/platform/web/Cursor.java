package id.satupintu.platform.web;

import id.satupintu.platform.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded. Keyset paging
 * stays fast on deep pages and does not skip or repeat rows when rows are added meanwhile.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor made by {@link #encode}, or an empty list when there is no cursor. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(raw.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != parts) {
                throw new ProblemException(400, "invalid-cursor");
            }
            return keys;
        } catch (IllegalArgumentException notBase64) {
            throw new ProblemException(400, "invalid-cursor");
        }
    }

    /** A position in a list ordered by a timestamp, then an id (newest change first, say). */
    public record TimeAndId(java.time.OffsetDateTime at, java.util.UUID id) {
    }

    /** Decodes a cursor of {@link #encode}d (timestamp, UUID); null without a cursor, 400 when it is not one. */
    public static TimeAndId decodeTimeAndId(String cursor) {
        List<String> keys = decode(cursor, 2);
        if (keys.isEmpty()) {
            return null;
        }
        try {
            return new TimeAndId(java.time.OffsetDateTime.parse(keys.get(0)), java.util.UUID.fromString(keys.get(1)));
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-cursor");
        }
    }

    /**
     * Ends a Panache query on {@code updatedAt} and {@code id} as a "most recently updated first" page:
     * the rows after the cursor (none when null), newest first, ties broken by id.
     */
    public static String newestUpdatedFirst(StringBuilder hql, io.quarkus.panache.common.Parameters params,
                                            TimeAndId after) {
        if (after != null) {
            hql.append(" and (updatedAt < :at or (updatedAt = :at and id < :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        return hql.append(" order by updatedAt desc, id desc").toString();
    }
}
