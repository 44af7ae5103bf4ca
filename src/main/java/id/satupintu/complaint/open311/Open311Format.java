package id.satupintu.complaint.open311;

import id.satupintu.platform.error.ProblemException;
import java.util.Locale;

/**
 * The two formats of GeoReport v2, chosen by the extension of the last path segment
 * ({@code services.xml}, {@code requests/BDG-1.json}). XML is the one the specification requires,
 * so a segment without an extension is answered in XML.
 */
enum Open311Format {
    XML("text/xml; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    private final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The media type without parameters, as discovery lists it. */
    public String bareMediaType() {
        return mediaType.substring(0, mediaType.indexOf(';'));
    }

    /** A path segment split into its name and its format. */
    public record Segment(String name, Open311Format format) {
    }

    /**
     * Splits {@code name.ext} at the last dot. An unknown extension is a client mistake; its answer
     * is in XML, since the client named no format we speak.
     */
    public static Segment split(String segment) {
        int dot = segment.lastIndexOf('.');
        if (dot < 0) {
            return new Segment(segment, XML);
        }
        String extension = segment.substring(dot + 1).toLowerCase(Locale.ROOT);
        Open311Format format = switch (extension) {
            case "xml" -> XML;
            case "json" -> JSON;
            default -> null;
        };
        if (format == null) {
            throw new ProblemException(400, "open311-format-unknown", shorten(extension));
        }
        return new Segment(segment.substring(0, dot), format);
    }

    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
