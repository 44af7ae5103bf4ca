package id.satupintu.homevisit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.application.ApplicationFiling;
import id.satupintu.application.ApplicationInput;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.VersionedStandard;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.EventLog;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.persistence.Rows;
import id.satupintu.platform.privacy.Nik;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Home visits (jemput bola): a citizen who cannot come (60 or older, with a disability, bedridden, in a remote
 * village) asks, or someone asks for them; the agency's supervisor puts the request on a visit day of a team, within
 * the day's capacity; the citizen confirms or asks for another day; the team reports the outcome and may open,
 * on site, the application the visit was for.
 * <p>
 * Written on the reactive client: a scheduling takes the day's place with one conditional update, so two
 * supervisors filling the last place at once cannot both get it. Every change writes its event in its transaction.
 */
@ApplicationScoped
public class HomeVisitService {

    /** A citizen's list: their newest requests. */
    private static final int MINE_LIMIT = 100;

    private static final String INSERT = "insert into home_visit (id, service_code, agency_code, site_code, requester_id, "
            + "relation, category, reason, nik, nik_index, address, phone, kecamatan, kelurahan, preferred_days, state, "
            + "requested_on) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'REQUESTED', $16)";

    /** Takes one place of the day, only while one is free: the row lock serializes racing supervisors. */
    private static final String TAKE_PLACE = "update home_visit_day set booked = booked + 1 where id = $1 "
            + "and booked < capacity returning id";

    /**
     * How long a claim to open the visit's application holds (the database's clock, one for every replica): a
     * filing takes well under a second, so a claim this old belongs to a filer who died between filing and link.
     */
    private static final String OPENING_LEASE = "5 minutes";

    /** Claims the opening of the visit's application: no application yet, and nobody else's live claim. */
    private static final String CLAIM_OPENING = "update home_visit set application_opener = $2, "
            + "application_opening_at = now() where id = $1 and application_tracking is null "
            + "and state = any($3) and (application_opener is null or application_opener = $2 "
            + "or application_opening_at < now() - interval '" + OPENING_LEASE + "') returning id";

    private static final String RELEASE_OPENING = "update home_visit set application_opener = null, "
            + "application_opening_at = null where id = $1 and application_opener = $2 and application_tracking is null";

    private static final String GIVE_BACK = "update home_visit_day set booked = booked - 1 where id = $1 and booked > 0";

    @Inject
    Pool pool;

    @Inject
    EventLog events;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    ServiceCatalog catalog;

    @Inject
    AgencyService agencies;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtection protection;

    @Inject
    ObjectMapper mapper;

    @Inject
    ApplicationFiling filing;

    // --- requests ------------------------------------------------------------------------------------

    /**
     * A request, from a citizen's own account (for themself, a family member, or as a village officer). The
     * service's standard must offer home visits; ELDERLY is checked against the NIK's birth date.
     */
    public Uni<HomeVisitView> request(Caller caller, HomeVisitInput input) {
        if (!caller.isCitizen()) {
            throw new ProblemException(403, "home-visit-citizens-only");
        }
        List<FieldError> errors = validator.violations(input, "body");
        if (input != null && input.nik() != null) {
            Nik.problem(input.nik()).ifPresent(code -> errors.add(FieldError.of("nik", code)));
        }
        Optional<String> phone = input == null ? Optional.empty() : PhoneNumber.normalize(input.phone());
        if (input != null && input.phone() != null && phone.isEmpty()) {
            errors.add(FieldError.of("phone", "phone-format"));
        }
        InputValidator.failIfAny(errors);
        return standardOffering(input.serviceCode())
                .flatMap(standard -> agencies.find(standard.agencyCode()).flatMap(agency -> {
                    String site = chooseSite(agency.siteCodes(), input.siteCode());
                    return calendar.localDate(site, clock.now())
                            .flatMap(today -> {
                                checkEligibility(input, today);
                                return insert(caller, standard, site, input, phone.get(), today);
                            });
                }));
    }

    private Uni<VersionedStandard> standardOffering(String serviceCode) {
        return catalog.standard(serviceCode)
                .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                        ? ProblemException.validation("serviceCode", "unknown-service", serviceCode) : e)
                .map(standard -> {
                    if (!standard.active() || !standard.standard().offersHomeVisit()) {
                        throw new ProblemException(422, "home-visit-not-offered", serviceCode);
                    }
                    return standard;
                });
    }

    /** Lansia by the NIK's birth date on the site's today; the other categories are declared and seen on the visit. */
    static void checkEligibility(HomeVisitInput input, LocalDate today) {
        if (input.category() != HomeVisitCategory.ELDERLY) {
            return;
        }
        LocalDate born = Nik.birthDate(input.nik(), today).orElseThrow();
        int age = Period.between(born, today).getYears();
        if (age < HomeVisitCategory.ELDERLY_AGE) {
            throw new ProblemException(422, "home-visit-not-eligible", age, HomeVisitCategory.ELDERLY_AGE);
        }
    }

    private Uni<HomeVisitView> insert(Caller caller, VersionedStandard standard, String site, HomeVisitInput input,
                                      String phone, LocalDate today) {
        UUID id = UUID.randomUUID();
        HomeVisitInput.Address address = input.address();
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("line", address.line());
        place.put("latitude", address.latitude());
        place.put("longitude", address.longitude());
        Object[] values = {id, standard.serviceCode(), standard.agencyCode(), site, caller.id(), input.relation().name(),
                input.category().name(), input.reason().strip(), protection.encrypt(input.nik()),
                protection.blindIndex("nik", input.nik()), protection.encrypt(json(place)), protection.encrypt(phone),
                address.kecamatan().strip(), address.kelurahan().strip(), days(input.preferredDays()), today};
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT).execute(Tuple.from(values))
                        .flatMap(done -> load(tx, id, false))
                        .call(visit -> publish(tx, visit, "home-visit.requested")))
                .onFailure(failure -> Rows.violates(failure, "home_visit_one_open"))
                .transform(failure -> ProblemException.conflict("home-visit-exists", standard.serviceCode()))
                .map(visit -> view(caller, visit));
    }

    public Uni<HomeVisitView> find(Caller caller, String id) {
        return load(pool, Rows.parseId("home-visit", id), false)
                .map(visit -> view(caller, HomeVisitAccess.requireReader(caller, visit)));
    }

    /** The stream a caller who may read the visit follows. */
    public Uni<String> streamOf(Caller caller, String id) {
        return find(caller, id).map(view -> stream(UUID.fromString(view.id())));
    }

    /** The requests the caller asked for, newest first. */
    public Uni<List<HomeVisitView>> mine(Caller caller) {
        if (!caller.isCitizen()) {
            throw new ProblemException(403, "home-visit-citizens-only");
        }
        return pool.preparedQuery(HomeVisit.SELECT + "where h.requester_id = $1 order by h.created_at desc, h.id limit "
                        + MINE_LIMIT)
                .execute(Tuple.of(caller.id()))
                .map(rows -> Rows.all(rows, row -> view(caller, HomeVisit.of(row))));
    }

    /** What the supervisor's list narrows to; every part optional. */
    public record Filter(String agencyCode, String kecamatan, String kelurahan, HomeVisitState state) {
    }

    /**
     * The agency's requests for the map, grouped by area: kecamatan, then kelurahan, oldest request first, keyset
     * paged on that order (the cursor is the last one's kecamatan, kelurahan, creation and id). Staff of the agency
     * see their own agency's; an administrator names the agency.
     */
    public Uni<Page<HomeVisitView>> list(Caller caller, Filter filter, String cursor, int limit) {
        String agency = caller.hasRole(Roles.ADMIN) && filter.agencyCode() != null ? filter.agencyCode()
                : caller.agencyCode();
        if (!caller.isStaff() || agency == null) {
            throw ProblemException.forbidden();
        }
        if (!caller.hasRole(Roles.ADMIN) && filter.agencyCode() != null && !filter.agencyCode().equals(agency)) {
            throw ProblemException.forbidden();
        }
        AreaPosition after = AreaPosition.decode(cursor);
        return pool.preparedQuery(HomeVisit.SELECT + "where h.agency_code = $1 and ($2::text is null or h.kecamatan = $2) "
                        + "and ($3::text is null or h.kelurahan = $3) and ($4::text is null or h.state = $4) "
                        + "and ($6::text is null or (h.kecamatan, h.kelurahan, h.created_at, h.id) "
                        + "> ($6::text, $7::text, $8::timestamptz, $9::uuid)) "
                        + "order by h.kecamatan, h.kelurahan, h.created_at, h.id limit $5")
                .execute(Tuple.from(new Object[] {agency, filter.kecamatan(), filter.kelurahan(),
                        filter.state() == null ? null : filter.state().name(), limit + 1,
                        after == null ? null : after.kecamatan(), after == null ? null : after.kelurahan(),
                        after == null ? null : after.createdAt(), after == null ? null : after.id()}))
                .map(rows -> Page.of(Rows.all(rows, row -> view(caller, HomeVisit.of(row))), limit,
                        AreaPosition::cursorOf));
    }

    /** A place in the supervisor's list: the sort key of its last visit. */
    private record AreaPosition(String kecamatan, String kelurahan, OffsetDateTime createdAt, UUID id) {

        static String cursorOf(HomeVisitView view) {
            return Cursor.encode(view.address().kecamatan(), view.address().kelurahan(), view.createdAt().toString(),
                    view.id());
        }

        /** Null without a cursor; 400 invalid-cursor for one this list did not make (a NUL PostgreSQL refuses too). */
        static AreaPosition decode(String cursor) {
            List<String> keys = Cursor.decode(cursor, 4);
            if (keys.isEmpty()) {
                return null;
            }
            if (keys.stream().anyMatch(key -> key.indexOf('\u0000') >= 0)) {
                throw new ProblemException(400, "invalid-cursor");
            }
            try {
                return new AreaPosition(keys.get(0), keys.get(1), OffsetDateTime.parse(keys.get(2)),
                        UUID.fromString(keys.get(3)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new ProblemException(400, "invalid-cursor");
            }
        }
    }

    // --- visit days ----------------------------------------------------------------------------------

    /** A supervisor plans a team's day: a working day of the site, today or later. */
    public Uni<VisitDay> createDay(Caller caller, VisitDayInput input) {
        if (caller.client() || !caller.hasRole(Roles.SUPERVISOR) || caller.agencyCode() == null) {
            throw ProblemException.forbidden();
        }
        InputValidator.failIfAny(validator.violations(input, "body"));
        String agencyCode = caller.agencyCode();
        return agencies.find(agencyCode).flatMap(agency -> {
            String site = chooseSite(agency.siteCodes(), input.siteCode() != null ? input.siteCode() : caller.siteCode());
            return calendar.localDate(site, clock.now()).flatMap(today -> {
                if (input.date().isBefore(today)) {
                    throw new ProblemException(422, "home-visit-day-past", input.date());
                }
                return calendar.isWorkingDay(site, input.date());
            }).flatMap(working -> {
                if (!working) {
                    throw new ProblemException(422, "home-visit-day-not-working", input.date(), site);
                }
                UUID id = UUID.randomUUID();
                String[] members = input.members().stream().map(String::strip).distinct().toArray(String[]::new);
                return pool.preparedQuery("insert into home_visit_day (id, agency_code, site_code, visit_date, team, "
                                + "members, capacity, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                        .execute(Tuple.from(new Object[] {id, agencyCode, site, input.date(), input.team().strip(),
                                members, input.capacity(), caller.id()}))
                        .flatMap(done -> loadDay(pool, id, false))
                        .onFailure(failure -> Rows.violates(failure, "home_visit_day_one_team_a_day"))
                        .transform(failure -> ProblemException.conflict("home-visit-day-exists", input.team().strip(),
                                input.date()));
            });
        });
    }

    /** The agency's visit days from {@code from} to {@code to}, with their places left. */
    public Uni<List<VisitDay>> days(Caller caller, LocalDate from, LocalDate to) {
        if (!caller.isStaff() || caller.agencyCode() == null) {
            throw ProblemException.forbidden();
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.validation("to", "home-visit-range");
        }
        return pool.preparedQuery(VisitDay.SELECT + "where agency_code = $1 and ($2::date is null or visit_date >= $2) "
                        + "and ($3::date is null or visit_date <= $3) order by visit_date, team limit 500")
                .execute(Tuple.of(caller.agencyCode(), from, to))
                .map(rows -> Rows.all(rows, VisitDay::of));
    }

    public Uni<VisitDay> day(Caller caller, String id) {
        return loadDay(pool, Rows.parseId("home-visit-day", id), false).map(day -> requireDayOfAgency(caller, day));
    }

    private static VisitDay requireDayOfAgency(Caller caller, VisitDay day) {
        if (!HomeVisitAccess.isAgencyStaff(caller, day.agencyCode())) {
            throw ProblemException.notFound("home-visit-day", day.id());
        }
        return day;
    }

    // --- the workflow --------------------------------------------------------------------------------

    /**
     * The supervisor puts a waiting request on a visit day of the same agency and site, with a time window. The
     * day's place is taken in the transaction that moves the request: a full day leaves the request waiting.
     */
    public Uni<HomeVisitView> schedule(Caller caller, String id, ScheduleInput input) {
        UUID visitId = Rows.parseId("home-visit", id);
        List<FieldError> errors = validator.violations(input, "body");
        if (errors.isEmpty() && !input.windowStart().isBefore(input.windowEnd())) {
            errors.add(FieldError.of("windowEnd", "home-visit-window"));
        }
        InputValidator.failIfAny(errors);
        UUID dayId = Rows.parseId("home-visit-day", input.visitDayId());
        return load(pool, visitId, false).map(found -> HomeVisitAccess.requireSupervisor(caller, found))
                .flatMap(found -> loadDay(pool, dayId, false).map(day -> requireDayOfAgency(caller, day))
                        .flatMap(day -> {
                            if (!day.siteCode().equals(found.siteCode())) {
                                throw new ProblemException(422, "home-visit-day-other-site", day.siteCode(),
                                        found.siteCode());
                            }
                            return calendar.localDate(day.siteCode(), clock.now()).map(today -> {
                                if (day.date().isBefore(today)) {
                                    throw new ProblemException(422, "home-visit-day-past", day.date());
                                }
                                return day;
                            });
                        }))
                .flatMap(day -> pool.withTransaction(tx -> load(tx, visitId, true).flatMap(visit -> {
                    requireState(visit, HomeVisitState.SCHEDULABLE);
                    return tx.preparedQuery(TAKE_PLACE).execute(Tuple.of(dayId)).flatMap(taken -> {
                        if (taken.rowCount() == 0) {
                            throw ProblemException.conflict("home-visit-day-full", day.team(), day.date(), day.capacity());
                        }
                        return change(tx, visitId, "state = 'SCHEDULED', visit_day_id = $2, window_start = $3, "
                                        + "window_end = $4, outcome_reason = null",
                                Tuple.of(visitId, dayId, input.windowStart(), input.windowEnd()),
                                "home-visit.scheduled");
                    });
                })))
                .map(visit -> view(caller, visit));
    }

    /** The citizen accepts the day and window they were told. */
    public Uni<HomeVisitView> confirm(Caller caller, String id) {
        UUID visitId = Rows.parseId("home-visit", id);
        return pool.withTransaction(tx -> load(tx, visitId, true).flatMap(visit -> {
            HomeVisitAccess.requireRequester(caller, visit);
            requireState(visit, java.util.Set.of(HomeVisitState.SCHEDULED));
            return change(tx, visitId, "state = 'CONFIRMED'", Tuple.of(visitId), "home-visit.confirmed");
        })).map(visit -> view(caller, visit));
    }

    /** The citizen asks for another day: the place goes back to the day, the request waits for the supervisor. */
    public Uni<HomeVisitView> askToMove(Caller caller, String id, MoveInput input) {
        UUID visitId = Rows.parseId("home-visit", id);
        InputValidator.failIfAny(validator.violations(input, "body"));
        return pool.withTransaction(tx -> load(tx, visitId, true).flatMap(visit -> {
            HomeVisitAccess.requireRequester(caller, visit);
            requireState(visit, HomeVisitState.ON_A_DAY);
            String[] preferred = input.preferredDays() == null || input.preferredDays().isEmpty()
                    ? days(visit.preferredDays()) : days(input.preferredDays());
            return tx.preparedQuery(GIVE_BACK).execute(Tuple.of(visit.visitDayId()))
                    .flatMap(given -> change(tx, visitId, "state = 'MOVE_ASKED', visit_day_id = null, window_start = null, "
                                    + "window_end = null, preferred_days = $2, outcome_reason = $3",
                            Tuple.of(visitId, preferred, InputValidator.trimToNull(input.reason())),
                            "home-visit.move-asked"));
        })).map(visit -> view(caller, visit));
    }

    /**
     * The team's report, on or after the visit's day: done, failed with the reason, or to come again (the place goes
     * back and the request waits for a new day).
     */
    public Uni<HomeVisitView> report(Caller caller, String id, OutcomeInput input) {
        UUID visitId = Rows.parseId("home-visit", id);
        List<FieldError> errors = validator.violations(input, "body");
        if (errors.isEmpty() && input.outcome() != VisitOutcome.DONE && InputValidator.blank(input.reason())) {
            errors.add(FieldError.of("reason", "required"));
        }
        InputValidator.failIfAny(errors);
        return pool.withTransaction(tx -> load(tx, visitId, true).flatMap(visit -> {
            HomeVisitAccess.requireTeamOrSupervisor(caller, visit);
            requireState(visit, HomeVisitState.ON_A_DAY);
            return requireVisitDayReached(visit).flatMap(today -> {
                String reason = InputValidator.trimToNull(input.reason());
                // The site's date of the report is the day the indicators count the outcome on.
                return switch (input.outcome()) {
                    case DONE -> change(tx, visitId, "state = 'DONE', outcome_reason = $2, reported_on = $3",
                            Tuple.of(visitId, reason, today), "home-visit.done");
                    case FAILED -> change(tx, visitId, "state = 'FAILED', outcome_reason = $2, reported_on = $3",
                            Tuple.of(visitId, reason, today), "home-visit.failed");
                    case RESCHEDULED -> tx.preparedQuery(GIVE_BACK).execute(Tuple.of(visit.visitDayId()))
                            .flatMap(given -> change(tx, visitId, "state = 'RESCHEDULING', visit_day_id = null, "
                                            + "window_start = null, window_end = null, outcome_reason = $2",
                                    Tuple.of(visitId, reason), "home-visit.rescheduled"));
                };
            });
        })).map(visit -> view(caller, visit));
    }

    /**
     * A team member on site opens the application the visit is for: a draft filed by them for the visited citizen
     * through the application feature, whose rules (agency, form, NIK) apply; the documents captured on site are then
     * uploaded to it and it is submitted as any staff-filed application.
     * <p>
     * The filing is the application feature's transaction and the link is this one's, so the member first claims
     * the visit ({@link #CLAIM_OPENING}): of two members opening at once one files, the other is
     * {@code 409 home-visit-application-opening} (or {@code -exists} once it is linked) and no second draft is
     * made. The filer's own retry passes the claim and, by the idempotency key, gets the same application back.
     */
    public Uni<HomeVisitView> openApplication(Caller caller, String id, OpenApplicationInput input) {
        UUID visitId = Rows.parseId("home-visit", id);
        return load(pool, visitId, false).flatMap(visit -> {
            HomeVisitAccess.requireTeam(caller, visit);
            requireOpenable(visit);
            return requireVisitDayReached(visit)
                    .flatMap(today -> pool.preparedQuery(CLAIM_OPENING).execute(Tuple.of(visitId, caller.id(),
                            HomeVisitState.ON_A_DAY.stream().map(Enum::name).toArray(String[]::new))))
                    .flatMap(claimed -> claimed.rowCount() == 1 ? Uni.createFrom().item(visit)
                            // Taken meanwhile: say why, as the visit is now.
                            : load(pool, visitId, false).map(now -> {
                                requireOpenable(now);
                                throw ProblemException.conflict("home-visit-application-opening");
                            }))
                    .flatMap(claimed -> filing.file(caller,
                                    new ApplicationInput(visit.serviceCode(), visit.siteCode(), true,
                                            input == null ? null : input.form(), protection.decrypt(visit.nik()), null,
                                            null),
                                    "home-visit-" + visitId)
                            // A refused filing (the form, say) frees the visit for the next try, by anyone.
                            .onFailure().call(failure -> pool.preparedQuery(RELEASE_OPENING)
                                    .execute(Tuple.of(visitId, caller.id()))))
                    .flatMap(filed -> pool.withTransaction(tx -> load(tx, visitId, true).flatMap(locked -> {
                        // Not the state again: the application exists now, and a visit reported meanwhile still
                        // should know it. Only a claim that lapsed and was taken over can have linked another.
                        if (locked.applicationTracking() != null) {
                            throw ProblemException.conflict("home-visit-application-exists",
                                    locked.applicationTracking());
                        }
                        return change(tx, visitId, "application_tracking = $2, application_opener = null, "
                                        + "application_opening_at = null",
                                Tuple.of(visitId, filed.body().trackingNumber()), "home-visit.application-opened");
                    })));
        }).map(visit -> view(caller, visit));
    }

    /** A visit on its day without an application yet; else the 409 that says why. */
    private static void requireOpenable(HomeVisit visit) {
        if (visit.applicationTracking() != null) {
            throw ProblemException.conflict("home-visit-application-exists", visit.applicationTracking());
        }
        requireState(visit, HomeVisitState.ON_A_DAY);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The site's today, once it is the visit's day or later. */
    private Uni<LocalDate> requireVisitDayReached(HomeVisit visit) {
        return calendar.localDate(visit.siteCode(), clock.now()).map(today -> {
            if (today.isBefore(visit.visitDate())) {
                throw ProblemException.conflict("home-visit-not-yet", visit.visitDate());
            }
            return today;
        });
    }

    private static void requireState(HomeVisit visit, java.util.Set<HomeVisitState> allowed) {
        if (!allowed.contains(visit.state())) {
            throw ProblemException.conflict("home-visit-state", visit.state().name());
        }
    }

    private Uni<HomeVisit> change(SqlClient tx, UUID id, String set, Tuple args, String eventType) {
        return tx.preparedQuery("update home_visit set " + set + ", updated_at = now() where id = $1").execute(args)
                .flatMap(done -> load(tx, id, false))
                .call(visit -> publish(tx, visit, eventType));
    }

    private Uni<Void> publish(SqlClient tx, HomeVisit visit, String type) {
        return events.append(tx, stream(visit.id()), type, visit.eventPayload()).replaceWithVoid();
    }

    static String stream(UUID id) {
        return "home-visit:" + id;
    }

    static Uni<HomeVisit> load(SqlClient client, UUID id, boolean lock) {
        return client.preparedQuery(HomeVisit.SELECT + "where h.id = $1" + (lock ? " for update of h" : ""))
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, HomeVisit::of, "home-visit", id));
    }

    static Uni<VisitDay> loadDay(SqlClient client, UUID id, boolean lock) {
        return client.preparedQuery(VisitDay.SELECT + "where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, VisitDay::of, "home-visit-day", id));
    }

    /** Personal data decrypted only for the team of the visit's day; masked (or left out) for everyone else. */
    private HomeVisitView view(Caller caller, HomeVisit visit) {
        boolean inFull = HomeVisitAccess.visits(caller, visit);
        String nik = protection.decrypt(visit.nik());
        String phone = protection.decrypt(visit.phone());
        Map<?, ?> place = place(protection.decrypt(visit.address()));
        HomeVisitView.Place address = new HomeVisitView.Place(inFull ? (String) place.get("line") : null,
                visit.kelurahan(), visit.kecamatan(), ((Number) place.get("latitude")).doubleValue(),
                ((Number) place.get("longitude")).doubleValue());
        HomeVisitView.Visit day = visit.visitDayId() == null ? null : new HomeVisitView.Visit(visit.visitDayId().toString(),
                visit.visitDate(), visit.windowStart(), visit.windowEnd(), visit.team());
        return new HomeVisitView(visit.id().toString(), visit.serviceCode(), visit.agencyCode(), visit.siteCode(),
                visit.relation(), visit.category(), visit.reason(),
                inFull ? nik : PersonalDataProtection.maskNik(nik), inFull ? phone : PersonalDataProtection.maskPhone(phone),
                address, visit.preferredDays(), visit.state(), day, visit.outcomeReason(), visit.applicationTracking(),
                visit.requestedOn(), visit.createdAt(), visit.updatedAt(), inFull);
    }

    private Map<?, ?> place(String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored home-visit address is not readable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] days(List<Weekday> days) {
        return days.stream().distinct().sorted().map(Weekday::name).toArray(String[]::new);
    }

    /** The agency's only site, or the one asked for among its sites. */
    private static String chooseSite(List<String> sites, String asked) {
        if (asked == null) {
            if (sites.size() == 1) {
                return sites.get(0);
            }
            throw ProblemException.validation("siteCode", sites.isEmpty() ? "no-site" : "required");
        }
        if (!sites.contains(asked)) {
            throw ProblemException.validation("siteCode", "site-not-served", asked);
        }
        return asked;
    }
}
