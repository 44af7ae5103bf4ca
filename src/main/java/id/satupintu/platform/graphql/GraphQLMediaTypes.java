package id.satupintu.platform.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Content negotiation of the GraphQL-over-HTTP specification, on the raw header values. */
final class GraphQLMediaTypes {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";

    private GraphQLMediaTypes() {
    }

    /**
     * The response type for an Accept header, or empty when the client accepts neither GraphQL type
     * (the server then answers 406). A client that names application/graphql-response+json gets it; one
     * that sends no Accept header or only a wildcard ({@code *}{@code /*}, {@code application/*}) is
     * treated as accepting application/json, as the specification says a server SHOULD: such a client
     * did not opt in to the newer type and may not know it (curl, plain HTTP libraries).
     */
    static Optional<String> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        record Range(String type, double quality, int position) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            MediaType media = MediaType.parse(parts[i]);
            if (media == null || !media.charsetIsUtf8()) {
                continue;
            }
            double quality = media.quality();
            if (quality > 0) {
                ranges.add(new Range(media.type(), quality, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::position));
        for (Range range : ranges) {
            switch (range.type()) {
                case GRAPHQL_RESPONSE_JSON:
                    return Optional.of(GRAPHQL_RESPONSE_JSON);
                case JSON, "application/*", "*/*":
                    return Optional.of(JSON);
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /** Whether a request Content-Type is JSON in UTF-8, the one request encoding this server reads. */
    static boolean isJsonRequest(String contentType) {
        MediaType media = MediaType.parse(contentType);
        return media != null && media.type().equals(JSON) && media.charsetIsUtf8();
    }

    /** One media range: lower-cased type/subtype and its parameters. */
    record MediaType(String type, List<String[]> parameters) {

        static MediaType parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] pieces = value.split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!type.contains("/")) {
                return null;
            }
            List<String[]> parameters = new ArrayList<>();
            for (int i = 1; i < pieces.length; i++) {
                String[] pair = pieces[i].split("=", 2);
                if (pair.length == 2) {
                    parameters.add(new String[] {pair[0].strip().toLowerCase(Locale.ROOT),
                            pair[1].strip().replace("\"", "")});
                }
            }
            return new MediaType(type, parameters);
        }

        String parameter(String name) {
            for (String[] pair : parameters) {
                if (pair[0].equals(name)) {
                    return pair[1];
                }
            }
            return null;
        }

        boolean charsetIsUtf8() {
            String charset = parameter("charset");
            return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
        }

        double quality() {
            String q = parameter("q");
            if (q == null) {
                return 1;
            }
            try {
                return Double.parseDouble(q);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
