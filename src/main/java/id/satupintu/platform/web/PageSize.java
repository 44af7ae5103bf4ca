package id.satupintu.platform.web;

import id.satupintu.platform.error.ProblemException;
import java.util.List;

/**
 * The one rule for how many items a page of a list holds, on REST (query parameter {@code limit}) and
 * GraphQL (argument {@code first}): absent means the list's default; anything but a whole number from 1
 * to the list's max is a 400 {@code validation-failed} whose one field error is {@code page-size}, named
 * after the parameter, on every list and both channels alike.
 */
public record PageSize(int defaultSize, int max) {

    /** Lists of a person's own things (their applications, their complaints): small pages for phones. */
    public static final PageSize PERSONAL = new PageSize(20, 100);
    /** Catalog, staff and administration lists. */
    public static final PageSize STANDARD = new PageSize(50, 200);
    /** The API-client call audit, read by administrators in bulk. */
    public static final PageSize AUDIT = new PageSize(50, 500);

    private static final List<PageSize> ALL = List.of(PERSONAL, STANDARD, AUDIT);

    /**
     * The most items a GraphQL page asked for with {@code first} may hold, whichever list it is: what a
     * query's cost counts it for. Absent, the largest default; otherwise first itself, within 1 and the
     * largest maximum (a first out of its list's range is refused by the list, not counted).
     */
    public static int mostItems(Integer first) {
        if (first == null) {
            return ALL.stream().mapToInt(PageSize::defaultSize).max().orElseThrow();
        }
        return Math.max(1, Math.min(first, ALL.stream().mapToInt(PageSize::max).max().orElseThrow()));
    }

    /** REST: the {@code limit} query parameter as sent (null or blank: the default). */
    public int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultSize;
        }
        try {
            return checked("limit", Integer.parseInt(requested.trim()));
        } catch (NumberFormatException e) {
            throw refused("limit");
        }
    }

    /** GraphQL: the {@code first} argument (null: the default). */
    public int first(Integer requested) {
        return requested == null ? defaultSize : checked("first", requested);
    }

    private int checked(String field, int requested) {
        if (requested < 1 || requested > max) {
            throw refused(field);
        }
        return requested;
    }

    private ProblemException refused(String field) {
        return ProblemException.validation(field, "page-size", 1, max);
    }
}
