package id.satupintu.indicator;

import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The open data: a site's indicators (IKM included) per calendar month of one year, or one month, for everyone,
 * under CC BY 4.0. The figures are {@link IndicatorService}'s own (one computation); what leaves is the table
 * after {@link SmallCells}, the same rows for JSON and CSV.
 */
@ApplicationScoped
class OpenDataService {

    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    static final String LICENSE_NAME = "CC BY 4.0";
    static final int FIRST_YEAR = 2000;
    /** The CSV's and the JSON rows' last column: the withheld columns of the row, separated by {@code ;}. */
    static final String SUPPRESSED = "suppressed";

    @Inject
    SiteService sites;

    @Inject
    IndicatorService indicators;

    @Inject
    Clock clock;

    /** The months asked for, cut at the site's today; the site as the catalog knows it. */
    record Scope(SiteProfile site, int year, Integer month, LocalDate from, LocalDate to) {
    }

    /** One table: its columns ({@link IndicatorCsv#header()} plus {@link #SUPPRESSED}) and rows after the rule. */
    record Table(Scope scope, List<String> columns, List<SmallCells.Row> rows) {
    }

    /** 404 for an unknown site before the year is judged (the year's range depends on the site's today). */
    Uni<Scope> scope(String siteCode, String year, String month) {
        return sites.find(siteCode).map(site -> check(site, year, month));
    }

    Uni<Table> table(Scope scope, Locale locale) {
        return indicators.months(scope.site().code(), scope.site().zone(), scope.from(), scope.to(), locale)
                .map(report -> {
                    List<String> header = IndicatorCsv.header();
                    List<SmallCells.Row> rows = report.periods().stream()
                            .map(p -> SmallCells.apply(header, IndicatorCsv.cells(p))).toList();
                    return new Table(scope, columns(), rows);
                });
    }

    static List<String> columns() {
        List<String> columns = new ArrayList<>(IndicatorCsv.header());
        columns.add(SUPPRESSED);
        return columns;
    }

    static String csv(Table table) {
        List<List<Object>> rows = table.rows().stream().map(r -> {
            List<Object> cells = new ArrayList<>(r.cells());
            cells.add(String.join(";", r.suppressed()));
            return cells;
        }).toList();
        return IndicatorCsv.write(table.columns(), rows);
    }

    /** The JSON body: the licence and the rule beside the rows, each row an object keyed by the CSV's column names. */
    static Map<String, Object> json(Table table) {
        Map<String, Object> body = new LinkedHashMap<>();
        Scope s = table.scope();
        body.put("site", s.site().code());
        body.put("siteName", s.site().name());
        body.put("year", s.year());
        body.put("month", s.month());
        body.put("from", s.from());
        body.put("to", s.to());
        body.put("license", LICENSE);
        body.put("licenseName", LICENSE_NAME);
        body.put("minimumCellSize", SmallCells.MINIMUM);
        body.put("columns", table.columns());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> header = table.columns().subList(0, table.columns().size() - 1);
        for (SmallCells.Row row : table.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                r.put(header.get(i), row.cells().get(i));
            }
            r.put(SUPPRESSED, row.suppressed());
            rows.add(r);
        }
        body.put("rows", rows);
        return body;
    }

    private Scope check(SiteProfile site, String yearText, String monthText) {
        LocalDate today = clock.now().atZone(site.zone()).toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        Integer year = whole(yearText, "year", FIRST_YEAR, today.getYear(), "open-data-year", errors);
        Integer month = whole(monthText, "month", 1, 12, "open-data-month", errors);
        if (year == null && errors.isEmpty()) {
            year = today.getYear();
        }
        if (errors.isEmpty() && month != null && YearMonth.of(year, month).isAfter(YearMonth.from(today))) {
            errors.add(FieldError.of("month", "open-data-month"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
        return new Scope(site, year, month, from, to.isAfter(today) ? today : to);
    }

    /** Absent is null; otherwise a whole number in min..max, or a field error (the year's names its range). */
    private static Integer whole(String text, String field, int min, int max, String code, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (!t.matches("\\d{1,4}")) {
            errors.add(FieldError.of(field, "invalid-format"));
            return null;
        }
        int value = Integer.parseInt(t);
        if (value < min || value > max) {
            errors.add("year".equals(field) ? FieldError.of(field, code, String.valueOf(min), String.valueOf(max)) : FieldError.of(field, code));
            return null;
        }
        return value;
    }
}
