package id.satupintu.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DCAT-AP metadata of one open dataset (a site's monthly indicators of one year) as JSON-LD: a
 * {@code dcat:Catalog} holding one {@code dcat:Dataset} with its two distributions (CSV and JSON), the licence and
 * the columns (as a CSVW table schema). Compact IRIs under one {@code @context}, the shape ckanext-dcat's
 * JSON-LD parser (rdflib) reads: dct:title, dct:description, dct:publisher (foaf:Agent), dct:temporal
 * (dct:PeriodOfTime with dcat:startDate/endDate), dct:license, dcat:distribution with accessURL, downloadURL,
 * mediaType and format.
 */
final class OpenDataCatalog {

    static final String MEDIA_TYPE = "application/ld+json";

    private OpenDataCatalog() {
    }

    /** {@code base}: the service's absolute base, such as {@code https://host/}, ending in a slash. */
    static Map<String, Object> document(OpenDataService.Scope scope, String base, List<String> columns) {
        String site = scope.site().code();
        String path = base + "api/v1/open-data/sites/" + site + "/indicators";
        String query = "?year=" + scope.year();
        String datasetId = path + ".jsonld" + query + "#dataset";

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        context.put("csvw", "http://www.w3.org/ns/csvw#");

        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@id", datasetId);
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", "satupintu-indicators-" + site + "-" + scope.year());
        dataset.put("dct:title", "Service indicators of " + scope.site().name() + " (" + site + "), "
                + scope.year() + ", per month");
        dataset.put("dct:description", "Monthly service indicators of the site: queue tickets and waits,"
                + " applications and their decisions in time, complaints and their handling, and the satisfaction"
                + " index (IKM, PermenPANRB 14/2017). A cell describing fewer than " + SmallCells.MINIMUM
                + " people, and every figure derived from one, is withheld: empty in CSV, null in JSON, and named in"
                + " the row's 'suppressed' column.");
        dataset.put("dcat:keyword", List.of("pelayanan publik", "MPP", "PTSP", "IKM", "SKM", "antrian", "pengaduan"));
        dataset.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", scope.site().name()));
        dataset.put("dct:license", Map.of("@id", OpenDataService.LICENSE));
        dataset.put("dct:accrualPeriodicity", Map.of("@id",
                "http://publications.europa.eu/resource/authority/frequency/DAILY"));
        Map<String, Object> temporal = new LinkedHashMap<>();
        temporal.put("@type", "dct:PeriodOfTime");
        temporal.put("dcat:startDate", typed(scope.from().toString()));
        temporal.put("dcat:endDate", typed(scope.to().toString()));
        dataset.put("dct:temporal", temporal);
        dataset.put("dcat:distribution", List.of(
                distribution(path + ".csv" + query, "CSV", "text/csv", scope, columns),
                distribution(path + ".json" + query, "JSON", "application/json", scope, columns)));

        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", context);
        catalog.put("@id", path + ".jsonld" + query);
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", "SatuPintu open data: " + scope.site().name());
        catalog.put("dct:description", "Open data of a public service site, published by SatuPintu.");
        catalog.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", scope.site().name()));
        catalog.put("dct:license", Map.of("@id", OpenDataService.LICENSE));
        catalog.put("dcat:dataset", List.of(dataset));
        return catalog;
    }

    private static Map<String, Object> distribution(String url, String format, String mediaType,
                                                    OpenDataService.Scope scope, List<String> columns) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@id", url + "#distribution");
        d.put("@type", "dcat:Distribution");
        d.put("dct:title", format + " of " + scope.site().code() + " " + scope.year());
        d.put("dcat:accessURL", Map.of("@id", url));
        d.put("dcat:downloadURL", Map.of("@id", url));
        d.put("dcat:mediaType", Map.of("@id", "http://www.iana.org/assignments/media-types/" + mediaType));
        d.put("dct:format", format);
        d.put("dct:license", Map.of("@id", OpenDataService.LICENSE));
        List<Map<String, Object>> cols = new ArrayList<>();
        for (String column : columns) {
            cols.add(Map.of("csvw:name", column, "csvw:datatype", Map.of("@id", datatype(column))));
        }
        d.put("csvw:tableSchema", Map.of("@type", "csvw:Schema", "csvw:column", cols));
        return d;
    }

    private static Map<String, Object> typed(String date) {
        return Map.of("@value", date, "@type", "xsd:date");
    }

    /** What a column holds: dates, the grade and the withheld list are text-like; the rest are numbers. */
    private static String datatype(String column) {
        if ("from".equals(column) || "to".equals(column)) {
            return "xsd:date";
        }
        if ("ikm.grade".equals(column) || OpenDataService.SUPPRESSED.equals(column)) {
            return "xsd:string";
        }
        return column.endsWith("Percent") || column.contains("Mean") || column.contains("Median")
                || column.endsWith("P90") || "ikm.ikm".equals(column) ? "xsd:decimal" : "xsd:integer";
    }
}
