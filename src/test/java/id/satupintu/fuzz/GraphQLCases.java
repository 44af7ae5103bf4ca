package id.satupintu.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The GraphQL operations the fuzzer sends for each query and mutation field of the service's schema
 * (read by introspection): the field with plausible variables, then one hostile value at a time in each
 * variable and in each field of an input object. Values travel as variables, which is where a client's
 * JSON meets the schema's coercion.
 */
final class GraphQLCases {

    record Case(String operation, String variant, String query, String variables, boolean mutation, boolean deep) {
    }

    static final String INTROSPECTION = """
            { __schema { queryType { name } mutationType { name }
              types { name kind
                fields { name args { name type { ...T } } type { ...T } }
                inputFields { name type { ...T } }
                enumValues { name } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> types = new HashMap<>();
    private final String queryType;
    private final String mutationType;

    GraphQLCases(JsonNode schema) {
        schema.path("types").forEach(type -> types.put(type.path("name").asText(), type));
        queryType = schema.path("queryType").path("name").asText();
        mutationType = schema.path("mutationType").path("name").asText(null);
    }

    void each(Consumer<Case> send) {
        root(queryType, false, send);
        if (mutationType != null) {
            root(mutationType, true, send);
        }
    }

    private void root(String typeName, boolean mutation, Consumer<Case> send) {
        for (JsonNode field : types.get(typeName).path("fields")) {
            String name = field.path("name").asText();
            if (name.startsWith("__")) {
                continue;
            }
            StringBuilder declarations = new StringBuilder();
            StringBuilder arguments = new StringBuilder();
            ObjectNode plain = JSON.createObjectNode();
            for (JsonNode argument : field.path("args")) {
                String arg = argument.path("name").asText();
                declarations.append(declarations.isEmpty() ? "" : ", ").append('$').append(arg).append(": ")
                        .append(typeText(argument.path("type")));
                arguments.append(arguments.isEmpty() ? "" : ", ").append(arg).append(": $").append(arg);
                plain.set(arg, sample(argument.path("type"), 0));
            }
            String query = (mutation ? "mutation" : "query") + " Fuzz" + (declarations.isEmpty() ? "" : "(" + declarations + ")")
                    + " { " + name + (arguments.isEmpty() ? "" : "(" + arguments + ")") + selection(field.path("type"), 0) + " }";
            String operation = (mutation ? "mutation " : "query ") + name;
            send.accept(new Case(operation, "plausible", query, plain.toString(), mutation, false));
            send.accept(new Case(operation, "no variables", query, "{}", mutation, false));
            for (JsonNode argument : field.path("args")) {
                hostile(operation, query, plain, argument.path("name").asText(), argument.path("type"), mutation, send);
            }
        }
    }

    /** Hostile values for one variable, and for each field of it when it is an input object. */
    private void hostile(String operation, String query, ObjectNode plain, String variable, JsonNode type, boolean mutation,
                         Consumer<Case> send) {
        JsonNode named = named(type);
        for (String value : valuesFor(named)) {
            send.accept(new Case(operation, "$" + variable + "=" + RestCases.shorten(value), query,
                    with(plain, variable, value), mutation, true));
        }
        JsonNode input = types.get(named.path("name").asText());
        if (input != null && input.path("kind").asText().equals("INPUT_OBJECT") && plain.get(variable).isObject()) {
            for (JsonNode field : input.path("inputFields")) {
                String key = field.path("name").asText();
                for (String value : valuesFor(named(field.path("type")))) {
                    ObjectNode object = ((ObjectNode) plain.get(variable)).deepCopy();
                    object.remove(key);
                    String text = "{\"" + key + "\":" + value + (object.isEmpty() ? "}" : "," + object.toString().substring(1));
                    send.accept(new Case(operation, "$" + variable + "." + key + "=" + RestCases.shorten(value), query,
                            with(plain, variable, text), mutation, true));
                }
            }
        }
    }

    private List<String> valuesFor(JsonNode named) {
        List<String> values = new ArrayList<>(Hostile.JSON_ANY);
        String scalar = named.path("name").asText();
        switch (scalar) {
            case "Int", "Float", "BigInteger", "BigDecimal", "Long" -> values.addAll(Hostile.JSON_NUMBER);
            case "DateTime", "Date", "Time", "LocalDateTime", "Instant", "OffsetDateTime" -> values.addAll(Hostile.JSON_TIME);
            case "String", "ID" -> values.addAll(Hostile.JSON_STRING);
            default -> {
                if (named.path("kind").asText().equals("ENUM")) {
                    values.add("\"NOT_A_VALUE\"");
                }
            }
        }
        return values;
    }

    private static String with(ObjectNode plain, String variable, String value) {
        ObjectNode others = plain.deepCopy();
        others.remove(variable);
        return "{\"" + variable + "\":" + value + (others.isEmpty() ? "}" : "," + others.toString().substring(1));
    }

    /** The scalar fields of the result, one level into objects: enough for each resolver to run. */
    private String selection(JsonNode type, int depth) {
        JsonNode named = types.get(named(type).path("name").asText());
        if (named == null || !named.path("kind").asText().equals("OBJECT") && !named.path("kind").asText().equals("INTERFACE")) {
            return "";
        }
        StringBuilder fields = new StringBuilder(" { __typename");
        for (JsonNode field : named.path("fields")) {
            boolean needsArguments = false;
            for (JsonNode argument : field.path("args")) {
                needsArguments |= argument.path("type").path("kind").asText().equals("NON_NULL");
            }
            if (needsArguments) {
                continue;
            }
            JsonNode inner = types.get(named(field.path("type")).path("name").asText());
            String kind = inner == null ? "SCALAR" : inner.path("kind").asText();
            if (kind.equals("SCALAR") || kind.equals("ENUM")) {
                fields.append(' ').append(field.path("name").asText());
            } else if (depth < 1) {
                fields.append(' ').append(field.path("name").asText()).append(selection(field.path("type"), depth + 1));
            }
        }
        return fields.append(" }").toString();
    }

    private JsonNode sample(JsonNode type, int depth) {
        JsonNode named = named(type);
        boolean list = type.toString().contains("\"LIST\"");
        JsonNode value = sampleNamed(named, depth);
        return list ? JSON.createArrayNode().add(value) : value;
    }

    private JsonNode sampleNamed(JsonNode named, int depth) {
        String name = named.path("name").asText();
        JsonNode definition = types.get(name);
        String kind = definition == null ? "SCALAR" : definition.path("kind").asText();
        if (kind.equals("ENUM")) {
            return JSON.getNodeFactory().textNode(definition.path("enumValues").get(0).path("name").asText());
        }
        if (kind.equals("INPUT_OBJECT")) {
            ObjectNode object = JSON.createObjectNode();
            if (depth < 4) {
                definition.path("inputFields").forEach(f -> object.set(f.path("name").asText(), sample(f.path("type"), depth + 1)));
            }
            return object;
        }
        return switch (name) {
            case "Int", "Float", "BigInteger", "BigDecimal", "Long" -> JSON.getNodeFactory().numberNode(1);
            case "Boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "DateTime", "Instant", "OffsetDateTime" -> JSON.getNodeFactory().textNode("2026-12-14T02:00:00Z");
            case "Date" -> JSON.getNodeFactory().textNode("2026-12-14");
            case "ID" -> JSON.getNodeFactory().textNode(UUID.randomUUID().toString());
            default -> JSON.getNodeFactory().textNode("contoh");
        };
    }

    private static JsonNode named(JsonNode type) {
        JsonNode current = type;
        while (current.path("name").isNull() || current.path("name").isMissingNode()) {
            current = current.path("ofType");
            if (current.isMissingNode()) {
                break;
            }
        }
        return current;
    }

    private static String typeText(JsonNode type) {
        return switch (type.path("kind").asText()) {
            case "NON_NULL" -> typeText(type.path("ofType")) + "!";
            case "LIST" -> "[" + typeText(type.path("ofType")) + "]";
            default -> type.path("name").asText();
        };
    }
}
