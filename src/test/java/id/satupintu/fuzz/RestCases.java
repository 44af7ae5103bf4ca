package id.satupintu.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The requests the fuzzer sends for each operation of the service's own OpenAPI document: first a
 * plausible call (demo codes in the path, a body built from the schema), then one hostile value at a
 * time in each path parameter, each query parameter and each body field, and whole bodies that are
 * not what the operation reads.
 */
final class RestCases {

    /** One request. {@code deep} cases are sent with the roles that reach the deepest validation only. */
    record Case(String operation, String variant, String method, String target, String contentType, byte[] body,
                boolean streams, boolean deep) {

        boolean writes() {
            return !method.equals("GET");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    RestCases(JsonNode document) {
        this.document = document;
    }

    void each(Consumer<Case> send) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            // The test-only resources of src/test are fixtures of other tests, not the API.
            if (!path.getKey().startsWith("/api/v1") && !path.getKey().startsWith("/open311")
                    || path.getKey().startsWith("/api/v1/test-only")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operation(path.getKey(), method.toUpperCase(Locale.ROOT), operation, path.getValue(), send);
                }
            }
        }
    }

    private void operation(String template, String method, JsonNode operation, JsonNode pathItem, Consumer<Case> send) {
        String name = method + " " + template;
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        List<JsonNode> inPath = parameters.stream().filter(p -> p.path("in").asText().equals("path")).toList();
        List<JsonNode> inQuery = parameters.stream().filter(p -> p.path("in").asText().equals("query")).toList();
        boolean streams = operation.path("responses").toString().contains("text/event-stream");
        String plainPath = fill(template, inPath, null, null);

        JsonNode content = operation.path("requestBody").path("content");
        String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode bodySchema = mediaType == null ? null : resolve(content.path(mediaType).path("schema"));
        byte[] plainBody = mediaType == null ? null : sample(mediaType, bodySchema);

        send.accept(new Case(name, "plausible", method, plainPath, mediaType, plainBody, streams, false));
        send.accept(new Case(name, "junk parameters", method, plainPath + "?zz=%00&__proto__=1&first=-5&after=%25ZZ",
                mediaType, plainBody, streams, false));
        for (JsonNode parameter : inPath) {
            for (String value : Hostile.PATH_SEGMENTS) {
                send.accept(new Case(name, "path " + parameter.path("name").asText() + "=" + shorten(value), method,
                        fill(template, inPath, parameter.path("name").asText(), value), mediaType, plainBody, streams,
                        !value.equals("x")));
            }
        }
        for (JsonNode parameter : inQuery) {
            for (String value : Hostile.QUERY_VALUES) {
                send.accept(new Case(name, "query " + parameter.path("name").asText() + "=" + shorten(value), method,
                        plainPath + "?" + parameter.path("name").asText() + "=" + value, mediaType, plainBody, streams, true));
            }
        }
        if (mediaType == null) {
            if (!method.equals("GET") && !method.equals("DELETE")) {
                send.accept(new Case(name, "unexpected body", method, plainPath, "application/json",
                        "{\"a\":1}".getBytes(StandardCharsets.UTF_8), streams, false));
            }
            return;
        }
        send.accept(new Case(name, "no body", method, plainPath, null, null, streams, false));
        send.accept(new Case(name, "wrong content type", method, plainPath, "text/plain; charset=utf-8",
                "halo".getBytes(StandardCharsets.UTF_8), streams, false));
        if (mediaType.contains("json")) {
            for (String whole : Hostile.JSON_BODIES) {
                send.accept(new Case(name, "body " + shorten(whole), method, plainPath, mediaType,
                        whole.getBytes(StandardCharsets.UTF_8), streams, !whole.isEmpty() && !whole.equals("{")));
            }
            if (bodySchema != null && bodySchema.has("properties")) {
                fields(name, method, plainPath, mediaType, bodySchema, (ObjectNode) tree(plainBody), send);
            }
        } else if (mediaType.contains("x-www-form-urlencoded")) {
            for (String value : Hostile.QUERY_VALUES) {
                bodySchema.path("properties").fieldNames().forEachRemaining(field -> send.accept(new Case(name,
                        "form " + field + "=" + shorten(value), method, plainPath, mediaType,
                        (field + "=" + value).getBytes(StandardCharsets.UTF_8), streams, true)));
            }
        } else if (mediaType.contains("multipart")) {
            send.accept(new Case(name, "broken multipart", method, plainPath, "multipart/form-data; boundary=zz",
                    "--zz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".getBytes(StandardCharsets.UTF_8),
                    streams, false));
        }
    }

    /** One hostile value at a time in each top-level field, and each field left out. */
    private void fields(String name, String method, String path, String mediaType, JsonNode schema, ObjectNode plain,
                        Consumer<Case> send) {
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode type = resolve(property.getValue());
            List<String> values = new ArrayList<>(Hostile.JSON_ANY);
            String kind = type.path("type").asText();
            String format = type.path("format").asText();
            if (format.startsWith("date")) {
                values.addAll(Hostile.JSON_TIME);
            } else if (kind.equals("integer") || kind.equals("number")) {
                values.addAll(Hostile.JSON_NUMBER);
            } else if (kind.equals("string")) {
                values.addAll(Hostile.JSON_STRING);
            } else if (kind.equals("array")) {
                values.addAll(List.of("[null]", "[\"" + Hostile.HUGE + "\"]", "[" + "1,".repeat(20_000) + "1]"));
            }
            String key = property.getKey();
            ObjectNode without = plain.deepCopy();
            without.remove(key);
            send.accept(new Case(name, "without " + key, method, path, mediaType, bytes(without.toString()), false, true));
            for (String value : values) {
                ObjectNode with = plain.deepCopy();
                with.remove(key);
                String text = with.size() == 0 ? "{\"" + key + "\":" + value + "}"
                        : "{\"" + key + "\":" + value + "," + with.toString().substring(1);
                send.accept(new Case(name, key + "=" + shorten(value), method, path, mediaType, bytes(text), false, true));
            }
        });
    }

    private static String fill(String template, List<JsonNode> inPath, String hostileName, String hostileValue) {
        String path = template;
        for (JsonNode parameter : inPath) {
            String name = parameter.path("name").asText();
            String value = name.equals(hostileName) ? hostileValue : plausible(name, parameter.path("schema"));
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    /** A value the demo data knows where the name says which (a site, an agency), else a fresh UUID. */
    static String plausible(String name, JsonNode schema) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("site")) {
            return "MPP-BDG";
        }
        if (lower.contains("agency")) {
            return "DPMPTSP-BDG";
        }
        if (lower.equals("format")) {
            return "json";
        }
        String type = schema.path("type").asText();
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        return UUID.randomUUID().toString();
    }

    private byte[] sample(String mediaType, JsonNode schema) {
        if (schema == null) {
            return new byte[0];
        }
        if (mediaType.contains("json")) {
            return bytes(sampleJson(schema, 0).toString());
        }
        if (mediaType.contains("x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder();
            schema.path("properties").fieldNames().forEachRemaining(f -> form.append(form.isEmpty() ? "" : "&").append(f).append("=contoh"));
            return bytes(form.toString());
        }
        return bytes("contoh");
    }

    /** A value of the schema's shape with ordinary content. */
    JsonNode sampleJson(JsonNode schema, int depth) {
        JsonNode type = resolve(schema);
        if (type.has("enum")) {
            return type.path("enum").get(0);
        }
        String kind = type.path("type").asText(type.has("properties") ? "object" : "string");
        String format = type.path("format").asText();
        return switch (kind) {
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> depth > 3 ? JSON.createArrayNode() : JSON.createArrayNode().add(sampleJson(type.path("items"), depth + 1));
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    type.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sampleJson(p.getValue(), depth + 1)));
                }
                yield object;
            }
            default -> JSON.getNodeFactory().textNode(switch (format) {
                case "date-time" -> "2026-12-14T02:00:00Z";
                case "date" -> "2026-12-14";
                case "uuid" -> UUID.randomUUID().toString();
                default -> "contoh";
            });
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
    }

    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
