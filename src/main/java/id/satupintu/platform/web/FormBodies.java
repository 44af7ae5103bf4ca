package id.satupintu.platform.web;

import id.satupintu.platform.error.ProblemException;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An application/x-www-form-urlencoded body checked whole, before the REST layer's form parser sees it:
 * that parser fails on a broken %-escape or an over-long field inside Vert.x's callbacks, where the
 * failure becomes a 500 or, at the end of the body, no answer at all. Here the same mistakes are client
 * mistakes: {@code malformed-form} (a %-escape that is not two hex digits, or bytes that are not UTF-8),
 * {@code form-field-too-large} (a name or value over {@code quarkus.http.limits.max-form-attribute-size})
 * and {@code form-too-many-fields} (over {@code quarkus.http.limits.max-form-fields}).
 */
final class FormBodies {

    private final long maxFieldSize;
    private final int maxFields;

    FormBodies(long maxFieldSize, int maxFields) {
        this.maxFieldSize = maxFieldSize;
        this.maxFields = maxFields;
    }

    static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static long kib(long bytes) {
        return Math.max(1, bytes / 1024);
    }

    /** What is wrong with the form, or null when every field decodes. */
    ProblemException check(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        byte[] bytes = body.getBytes();
        int fields = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '&') {
                if (i > start) {
                    if (++fields > maxFields) {
                        return new ProblemException(400, "form-too-many-fields", maxFields);
                    }
                    ProblemException wrong = checkPair(bytes, start, i);
                    if (wrong != null) {
                        return wrong;
                    }
                }
                start = i + 1;
            }
        }
        return null;
    }

    private ProblemException checkPair(byte[] bytes, int from, int to) {
        int equals = from;
        while (equals < to && bytes[equals] != '=') {
            equals++;
        }
        ProblemException name = checkPart(bytes, from, equals);
        return name != null || equals >= to ? name : checkPart(bytes, equals + 1, to);
    }

    private ProblemException checkPart(byte[] bytes, int from, int to) {
        if (to - from > maxFieldSize) {
            return new ProblemException(413, "form-field-too-large", kib(maxFieldSize));
        }
        ByteBuffer decoded = ByteBuffer.allocate(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= to) {
                    return malformed();
                }
                int high = Character.digit(bytes[i + 1], 16);
                int low = Character.digit(bytes[i + 2], 16);
                if (high < 0 || low < 0) {
                    return malformed();
                }
                decoded.put((byte) (high * 16 + low));
                i += 2;
            } else {
                decoded.put(b == '+' ? (byte) ' ' : b);
            }
        }
        decoded.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(decoded);
        } catch (CharacterCodingException notUtf8) {
            return malformed();
        }
        return null;
    }

    private static ProblemException malformed() {
        return new ProblemException(400, "malformed-form");
    }
}
