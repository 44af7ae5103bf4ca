package id.satupintu.complaint.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GeoReport v2 answer, built once and written either as the specification's XML or as the JSON
 * its Spark convention derives from that XML: a root holding repeated items ({@code <services>
 * <service>}) becomes a JSON array, a list element ({@code <formats><format>}) becomes an array
 * under its name, a null value becomes an empty element or JSON null. Keeping one tree for both
 * formats means the two can never disagree on a field.
 *
 * <p>Values are String, Boolean, Number, OffsetDateTime (written ISO-8601 with its offset), a
 * nested {@link Fields}, a {@link Repeated} list, or null.
 */
final class Open311Document {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The W3C date-time profile GeoReport requires: whole seconds and always a zone ("Z" or "+07:00"). */
    public static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final String root;
    private final Object body;

    private Open311Document(String root, Object body) {
        this.root = root;
        this.body = body;
    }

    /** A root element holding repeated items: {@code <service_requests><request>...}, a JSON array. */
    public static Open311Document list(String root, String item, List<Fields> items) {
        return new Open311Document(root, new Repeated(item, List.copyOf(items)));
    }

    /** A root element with fields: {@code <service_definition>...}, a JSON object. */
    public static Open311Document object(String root, Fields fields) {
        return new Open311Document(root, fields);
    }

    public static Fields fields() {
        return new Fields();
    }

    /** Ordered fields of one element; the order is the one the specification's examples show. */
    public static final class Fields {
        final Map<String, Object> values = new LinkedHashMap<>();

        public Fields put(String name, Object value) {
            values.put(name, value);
            return this;
        }
    }

    /** A list element: its items are written as {@code <item>} children, or a JSON array. */
    public record Repeated(String item, List<?> values) {
    }

    public byte[] write(Open311Format format, ObjectMapper mapper) {
        return format == Open311Format.XML ? xml() : json(mapper);
    }

    byte[] xml() {
        StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(out, root, body);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] json(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(node(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Fields fields) {
            fields.values.forEach((child, childValue) -> element(out, child, childValue));
        } else if (value instanceof Repeated repeated) {
            repeated.values().forEach(item -> element(out, repeated.item(), item));
        } else {
            escape(out, scalar(value));
        }
        out.append("</").append(name).append('>');
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Fields fields) {
            ObjectNode object = NODES.objectNode();
            fields.values.forEach((name, child) -> object.set(name, node(child)));
            return object;
        }
        if (value instanceof Repeated repeated) {
            ArrayNode array = NODES.arrayNode();
            repeated.values().forEach(item -> array.add(node(item)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(BigDecimal.valueOf(number));
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        return NODES.textNode(scalar(value));
    }

    private static String scalar(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.format(W3C);
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }

    /** XML 1.0 text: the five markup characters escaped, characters XML cannot carry dropped. */
    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }
}
