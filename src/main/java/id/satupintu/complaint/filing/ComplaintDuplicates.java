package id.satupintu.complaint.filing;

import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintCodes;
import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/** The same complaint filed twice within the duplicate window ({@code satupintu.complaints.duplicate-window-minutes}). */
@ApplicationScoped
class ComplaintDuplicates {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Inject
    ComplaintConfig config;

    @Inject
    Clock clock;

    /**
     * What makes two submissions the same complaint: kind, category, site link and the text with case,
     * spacing and punctuation ignored, from the same reporter. For an anonymous complaint the
     * reporter is left out on purpose: nothing that leads back to them is kept, not even hashed.
     */
    static String contentHash(Complaint c, Caller caller, ComplaintInput input) {
        String reporter = switch (c.reporterMode) {
            case ANONYMOUS -> "anonymous";
            default -> c.reporterId != null ? "user:" + c.reporterId
                    : "client:" + caller.id() + ":" + String.valueOf(input.contactEmail()).trim().toLowerCase(Locale.ROOT);
        };
        String text = NOT_WORD.matcher(c.description.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return ComplaintCodes.sha256(String.join("\u0000", c.kind.name(), c.categoryCode, c.siteCode, reporter, text));
    }

    /**
     * The tracking code of the same complaint filed within the window, or null. Filings of one content
     * hash are serialized by a transaction lock, so of two racing twins the second sees the first.
     */
    Uni<String> firstOf(String contentHash) {
        Duration window = Duration.ofMinutes(config.complaints().duplicateWindowMinutes());
        OffsetDateTime since = clock.timestamp().minus(window);
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 7))) as locked")
                        .setParameter(1, "complaint:" + contentHash).getSingleResult())
                .flatMap(locked -> Panache.getSession().flatMap(session -> session.createSelectionQuery(
                                "select c.trackingCode from Complaint c where c.contentHash = ?1 and c.createdAt > ?2 "
                                        + "order by c.createdAt", String.class)
                        .setParameter(1, contentHash).setParameter(2, since).setMaxResults(1).getResultList()))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }
}
