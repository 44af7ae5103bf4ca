package id.satupintu.catalog;

import id.satupintu.catalog.site.SiteInput;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Sites: the physical offices, their time zones and opening hours. */
@ApplicationScoped
public class SiteService {

    @Inject
    InputValidator validator;

    @WithSession
    public Uni<SiteProfile> find(String code) {
        return entity(code).map(SiteProfile::of);
    }

    /** The site's time zone, for the calendar and every deadline computed at the site. */
    public Uni<ZoneId> zoneOf(String code) {
        return find(code).map(SiteProfile::zone);
    }

    @WithSession
    public Uni<Page<SiteProfile>> list(String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        Uni<List<Site>> rows = after.isEmpty()
                ? Site.<Site>find("order by code").page(0, limit + 1).list()
                : Site.<Site>find("code > ?1 order by code", after.get(0)).page(0, limit + 1).list();
        return rows.map(list -> Page.of(list, limit, site -> Cursor.encode(site.code)).map(SiteProfile::of));
    }

    @WithTransaction
    public Uni<SiteProfile> create(SiteInput input) {
        validate(input);
        return CreateOnce.create(Site.count("code", input.code()),
                () -> ProblemException.conflict("site-exists", input.code()), () -> {
                    Site site = new Site();
                    apply(site, input);
                    return site.<Site>persist().map(SiteProfile::of);
                });
    }

    @WithTransaction
    public Uni<SiteProfile> replace(String code, SiteInput input) {
        validate(input);
        CreateOnce.sameCode(code, input.code());
        return entity(code).flatMap(site -> {
            apply(site, input);
            return site.<Site>persist().map(SiteProfile::of);
        });
    }

    /** The entity, for catalog's own writes; in the caller's session. */
    private static Uni<Site> entity(String code) {
        return Site.<Site>find("code", code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("site", code));
    }

    private static void apply(Site site, SiteInput input) {
        site.code = input.code();
        site.kind = input.kind();
        site.name = input.name();
        site.address = input.address();
        site.city = input.city();
        site.provinceCode = input.provinceCode();
        site.latitude = input.latitude();
        site.longitude = input.longitude();
        site.timeZone = input.timeZone();
        site.phone = input.phone();
        site.email = input.email();
        List<OpeningHours> days = new ArrayList<>(input.openingHours());
        days.sort((a, b) -> a.day().compareTo(b.day()));
        site.openingHours = new WeeklyHours(days);
    }

    /**
     * Bean Validation here rather than only in the REST layer, so GraphQL and the demo loader get the
     * same checks; then the rules it cannot express: a real Indonesian zone, sane and unique weekdays.
     */
    private void validate(SiteInput input) {
        List<FieldError> errors = validator.violations(input, "body");
        InputValidator.failIfAny(errors);
        if (!TimeZones.isIndonesian(input.timeZone())) {
            errors.add(FieldError.of("timeZone", "not-indonesian-zone"));
        }
        var seen = EnumSet.noneOf(java.time.DayOfWeek.class);
        for (int i = 0; i < input.openingHours().size(); i++) {
            OpeningHours hours = input.openingHours().get(i);
            if (!seen.add(hours.day())) {
                errors.add(FieldError.of("openingHours[" + i + "].day", "duplicate"));
            }
            if (!hours.opens().isBefore(hours.closes())) {
                errors.add(FieldError.of("openingHours[" + i + "].closes", "closes-before-opens"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
