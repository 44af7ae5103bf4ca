package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarDates;
import id.satupintu.catalog.SiteService;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** A site's own closures, which the working-day calendar subtracts on top of the national days off. */
@ApplicationScoped
class SiteClosureService {

    /** Longer closures are entered as several, so that a typo in a year cannot close a site for decades. */
    static final int MAX_CLOSURE_DAYS = 366;
    static final int MAX_LISTED = 500;

    @Inject
    SiteService sites;

    @WithSession
    public Uni<List<SiteClosure>> list(String siteCode) {
        return sites.find(siteCode).flatMap(site -> SiteClosure.<SiteClosure>find(
                "siteCode = ?1 order by startsOn, endsOn", site.code()).page(0, MAX_LISTED).list());
    }

    @WithTransaction
    public Uni<SiteClosure> add(String siteCode, SiteClosureInput input) {
        validate(input);
        return sites.find(siteCode).flatMap(site -> {
            SiteClosure closure = new SiteClosure();
            closure.siteCode = site.code();
            closure.startsOn = input.startsOn();
            closure.endsOn = input.endsOn();
            closure.reason = input.reason().strip();
            return closure.<SiteClosure>persist();
        });
    }

    @WithTransaction
    public Uni<Void> remove(String siteCode, UUID id) {
        return sites.find(siteCode)
                .flatMap(site -> SiteClosure.delete("id = ?1 and siteCode = ?2", id, site.code()))
                .flatMap(deleted -> deleted == 0
                        ? Uni.createFrom().failure(ProblemException.notFound("site-closure", id))
                        : Uni.createFrom().voidItem());
    }

    private static void validate(SiteClosureInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.endsOn().isBefore(input.startsOn())) {
            errors.add(FieldError.of("endsOn", "before-start"));
        } else if (ChronoUnit.DAYS.between(input.startsOn(), input.endsOn()) + 1 > MAX_CLOSURE_DAYS) {
            errors.add(FieldError.of("endsOn", "range-too-long", MAX_CLOSURE_DAYS));
        }
        Stream.of(CalendarDates.yearError("startsOn", input.startsOn().getYear()),
                CalendarDates.yearError("endsOn", input.endsOn().getYear())).filter(Objects::nonNull).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
