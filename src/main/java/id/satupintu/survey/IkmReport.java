package id.satupintu.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * The satisfaction index of a site (and agency, service) over a period of the site's local dates, inclusive.
 * {@code population}: the transactions that ended in the period; {@code respondents}: the answers about them;
 * {@code sampleTarget}: the Krejcie–Morgan sample for that population. Figures are null without respondents.
 */
@Name("IkmReport")
public record IkmReport(String site, String agency, String service, LocalDate from, LocalDate to, long respondents,
                        long population, int sampleTarget, boolean sampleMet, List<ElementIndex> elements,
                        BigDecimal ikm, String grade, String gradeLabel) {

    /** {@code nrr}: the element's mean score (1–4); {@code ikm}: 25 × nrr; {@code grade} of that index. */
    @Name("IkmElement")
    public record ElementIndex(int element, String name, BigDecimal nrr, BigDecimal ikm, String grade) {
    }
}
