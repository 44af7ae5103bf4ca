package id.satupintu.queue.ticket;

import id.satupintu.platform.jobs.Clock;
import id.satupintu.queue.QueueAccess;
import id.satupintu.queue.QueueConfig;
import id.satupintu.queue.counter.Lane;
import id.satupintu.catalog.OpeningHours;
import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.SiteService;
import id.satupintu.catalog.WorkingDayCalendar;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.events.EventLog;
import id.satupintu.platform.survey.SurveyLinks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issuing tickets through the channels, each with its own rule, and reading them back with position
 * and estimated wait. Numbers are per site, lane and local day, taken by one upsert in the transaction
 * that inserts the ticket, so concurrent issues never share or skip a number.
 */
@ApplicationScoped
public class TicketService {

    public static final String ISSUE_SCOPE = Scopes.QUEUE_ISSUE;

    /**
     * Takes the lane's next number for the day (an upsert that locks the lane's row until commit) and
     * inserts the ticket with it in one statement, returning it as {@link Ticket#SELECT} would: the
     * fewer round trips while the number row is locked, the more tickets a lane issues per second.
     * $1 lane, $2 local date, $3 site, $4 service, $5 prefix, $6 channel, $7 priority, $8 plate,
     * $9 holder, $10 issued by, $11 booked slot time (booked tickets only), $12 to $14 the contact left at the
     * site (phone encrypted, masked, language; null without one). A priority asked for from a phone is stored as a
     * claim (see {@link #confirmPriority}).
     */
    private static final String ISSUE = "with number as (insert into queue_number (lane_id, local_date, last) "
            + "values ($1, $2, 1) on conflict (lane_id, local_date) do update set last = queue_number.last + 1 "
            + "returning last), "
            + "t as (insert into queue_ticket (site_code, lane_id, number_lane_id, service_code, local_date, sequence, "
            + "number, channel, priority, vehicle_plate, holder_id, issued_by, status, booked_for, priority_claimed) "
            + "select $3, $1, $1, $4, $2, last, $5 || '-' || lpad(last::text, greatest(3, length(last::text)), '0'), "
            + "$6, $7, $8, $9, $10, 'WAITING', $11, $6 = 'PHONE' and $7 <> 'NONE' from number returning *), "
            + "contact as (insert into queue_ticket_contact (ticket_id, phone_encrypted, phone_masked, language) "
            + "select id, $12, $13, $14 from t where $12::text is not null returning phone_masked) "
            + "select t.id, t.site_code, t.lane_id, $5 as prefix, t.service_code, t.number, t.channel, t.priority, "
            + "t.vehicle_plate, t.holder_id, t.issued_by, t.status, t.issued_at, t.counter_id, null::integer as "
            + "counter_number, null::text as counter_name, t.target_counter_id, t.called_at, t.call_count, t.started_at, "
            + "t.finished_at, t.booked_for, t.priority_claimed, (select phone_masked from contact) as contact_phone, "
            + "t.sequence from t";

    /** The channels of tickets taken at the site, which may carry a contact (see {@link #contact}). */
    private static final Set<Channel> ON_SITE = EnumSet.of(Channel.KIOSK, Channel.COUNTER, Channel.DRIVE_THRU);

    /** Rolling average over this many finished tickets of the lane. */
    private static final int SERVICE_TIME_SAMPLE = 20;

    private static final String WAIT = "select "
            + "(select count(*) from queue_ticket w where w.lane_id = $1 and w.status = 'WAITING' "
            + "  and w.target_counter_id is null and w.id <> $2 and (case when $3 "
            + "  then w.priority <> 'NONE' and not w.priority_claimed and w.issued_at < $4 else w.priority <> 'NONE' and not w.priority_claimed or w.issued_at < $4 end)) as ahead, "
            + "(select avg(extract(epoch from s.finished_at - s.started_at)) from (select finished_at, started_at "
            + "  from queue_ticket where lane_id = $1 and status = 'DONE' and started_at is not null "
            + "  order by finished_at desc limit " + SERVICE_TIME_SAMPLE + ") s) as average_seconds, "
            + "(select count(*) from queue_counter where status = 'OPEN' and $1 = any(lane_ids)) as open_counters";

    @Inject
    Pool pool;

    @Inject
    SiteService sites;

    @Inject
    EventLog events;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    QueueConfig config;

    @Inject
    SurveyLinks surveys;

    @Inject
    PersonalDataProtection protection;

    public Uni<Ticket> issue(Caller caller, String siteCode, TicketRequest request) {
        List<FieldError> errors = validator.violations(request, "body");
        Contact contact = contact(request, errors);
        InputValidator.failIfAny(errors);
        authorizeChannel(caller, siteCode, request);
        if (request.vehiclePlate() != null && request.channel() != Channel.DRIVE_THRU) {
            throw ProblemException.validation("vehiclePlate", "drive-thru-only");
        }
        boolean phone = request.channel() == Channel.PHONE;
        return sites.find(siteCode).flatMap(site -> {
            ZoneId zone = site.zone();
            ZonedDateTime now = clock.now().atZone(zone);
            Uni<Void> serving = phone ? requireServing(site, now) : Uni.createFrom().voidItem();
            return serving.flatMap(open -> pool.withTransaction(tx -> laneFor(tx, caller, siteCode, request.serviceCode())
                    .flatMap(lane -> insert(tx, lane, now.toLocalDate(), caller, request, contact).map(row -> {
                        // The quota caps what citizens may take remotely; people at the site are still served.
                        // Refused after the number is taken, so the rollback gives the number back.
                        if (phone && row.getInteger("sequence") > lane.dailyQuota()) {
                            throw ProblemException.conflict("quota-exhausted", lane.prefix(), lane.dailyQuota());
                        }
                        return Ticket.of(row);
                    }))
                    .call(ticket -> publish(tx, ticket, "ticket.issued"))));
        }).onFailure(failure -> QueueAccess.violates(failure, "queue_ticket_one_active"))
                .transform(failure -> ProblemException.conflict("active-ticket-exists", request.serviceCode()));
    }

    /**
     * Confirms the priority a citizen claimed from a phone, seen at the site: by its counter staff or one of
     * its kiosks (403 for anyone else, the holder included: a claim cannot confirm itself). From then on the
     * ticket is served first, as a priority ticket issued at the site is.
     */
    public Uni<Ticket> confirmPriority(Caller caller, String id) {
        UUID ticketId = QueueAccess.parseId("ticket", id);
        return pool.withTransaction(tx -> load(tx, ticketId, true).flatMap(ticket -> {
            if (!device(caller, Roles.KIOSK, ticket.siteCode())) {
                QueueAccess.requireCounterStaff(caller, ticket.siteCode());
            }
            if (!ticket.priorityClaimed()) {
                throw ProblemException.conflict("priority-not-claimed", ticket.number());
            }
            return tx.preparedQuery("update queue_ticket set priority_claimed = false where id = $1")
                    .execute(Tuple.of(ticketId))
                    .flatMap(done -> load(tx, ticketId, false))
                    .call(confirmed -> publish(tx, confirmed, "ticket.priority-confirmed"));
        }));
    }

    public Uni<TicketView> view(Caller caller, String id) {
        UUID ticketId = QueueAccess.parseId("ticket", id);
        return load(pool, ticketId, false).flatMap(ticket -> view(caller, ticket));
    }

    /** The view of a ticket in hand (e.g. just issued), without reading it again. */
    public Uni<TicketView> view(Caller caller, Ticket ticket) {
        boolean staff = QueueAccess.isStaffOf(caller, ticket.siteCode());
        boolean issuer = caller.id().equals(ticket.issuedBy());
        requireReader(caller, ticket);
        Uni<TicketView> view = ticket.status() != TicketStatus.WAITING
                ? Uni.createFrom().item(TicketView.of(ticket, null, staff, issuer))
                : pool.preparedQuery(WAIT)
                        .execute(Tuple.of(ticket.laneId(), ticket.id(), ticket.servedFirst(), ticket.issuedAt()))
                        .map(rows -> TicketView.of(ticket, wait(rows.iterator().next()), staff, issuer));
        if (!surveyed(caller, ticket)) {
            return view;
        }
        return view.flatMap(v -> surveys.link(new SurveyLinks.Subject(SurveyLinks.Kind.TICKET, ticket.id(),
                ticket.siteCode(), null, ticket.serviceCode(),
                ticket.status() == TicketStatus.DONE || ticket.status() == TicketStatus.NO_SHOW)).map(v::withSurvey));
    }

    /**
     * The survey goes to whoever was served: the holder, or the device that issued the ticket (the kiosk prints
     * it); not to staff, who issue at the counter for someone else and must not answer for them.
     */
    private static boolean surveyed(Caller caller, Ticket ticket) {
        return ticket.status() != TicketStatus.CLOSED && (caller.id().equals(ticket.holderId())
                || caller.client() && caller.id().equals(ticket.issuedBy()));
    }

    /** The site's code once it is known to exist. */
    public Uni<String> site(String siteCode) {
        return sites.find(siteCode).map(site -> site.code());
    }

    /** The ticket's holder, the device or member of staff that issued it, and the site's staff may follow it. */
    public Uni<Ticket> readable(Caller caller, String id) {
        return load(pool, QueueAccess.parseId("ticket", id), false).invoke(ticket -> requireReader(caller, ticket));
    }

    private static void requireReader(Caller caller, Ticket ticket) {
        if (!caller.id().equals(ticket.holderId()) && !caller.id().equals(ticket.issuedBy())
                && !QueueAccess.isStaffOf(caller, ticket.siteCode())) {
            throw ProblemException.forbidden();
        }
    }

    private TicketView.Wait wait(Row row) {
        int ahead = row.getLong("ahead").intValue();
        int open = row.getLong("open_counters").intValue();
        Object average = row.getValue("average_seconds");
        double seconds = average == null ? config.queue().defaultServiceSeconds() : ((Number) average).doubleValue();
        Integer minutes = open == 0 ? null : (int) Math.ceil(ahead * seconds / open / 60.0);
        return new TicketView.Wait(ahead + 1, minutes, open);
    }

    /**
     * Writes the change to the ticket's own stream and, with only what the hall may see, to its site's
     * board, in the caller's transaction.
     */
    public Uni<Void> publish(SqlClient tx, Ticket ticket, String type) {
        return events.append(tx, "ticket:" + ticket.id(), type, ticket.eventPayload())
                .flatMap(id -> events.append(tx, "board:" + ticket.siteCode(), type, ticket.boardPayload()))
                .replaceWithVoid();
    }

    /**
     * Tells a change made to many tickets at once (the end of day closing them) ticket by ticket, as
     * {@link #publish} does: each read back as every other event reads it, so the payload is the same.
     */
    public Uni<Void> publishAll(SqlClient tx, List<UUID> ids, String type) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(Ticket.SELECT + "where t.id = any($1) order by t.issued_at, t.id")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .flatMap(rows -> Multi.createFrom().iterable(QueueAccess.all(rows, Ticket::of))
                        // One after the other: they share the transaction's connection.
                        .onItem().transformToUniAndConcatenate(ticket -> publish(tx, ticket, type).replaceWith(ticket))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** An event for the ticket's own followers only (not the board), with extra public fields. */
    public Uni<Void> tellHolder(SqlClient tx, Ticket ticket, String type, Map<String, Object> extra) {
        Map<String, Object> payload = ticket.eventPayload();
        payload.putAll(extra);
        return events.append(tx, "ticket:" + ticket.id(), type, payload).replaceWithVoid();
    }

    /**
     * The ticket of a checked-in booking, in the check-in's transaction: numbered in its lane on the slot's
     * day like any other (no quota: the slot's capacity already limited it), held by the citizen, carrying
     * the slot time that call-next serves it by.
     */
    public Uni<Ticket> issueBooked(SqlClient tx, Caller caller, String siteCode, String serviceCode, LocalDate date,
                                   String holderId, OffsetDateTime bookedFor) {
        return laneFor(tx, caller, siteCode, serviceCode)
                .flatMap(lane -> take(tx, lane, date, serviceCode, Channel.BOOKING, PriorityCategory.NONE, null,
                        holderId, caller.id(), bookedFor, null))
                .map(Ticket::of)
                .call(ticket -> publish(tx, ticket, "ticket.issued"))
                .onFailure(failure -> QueueAccess.violates(failure, "queue_ticket_one_active"))
                .transform(failure -> ProblemException.conflict("active-ticket-exists", serviceCode));
    }

    public static Uni<Ticket> load(SqlClient client, UUID id, boolean lock) {
        return client.preparedQuery(Ticket.SELECT + "where t.id = $1" + (lock ? " for update of t" : ""))
                .execute(Tuple.of(id))
                .map(rows -> QueueAccess.first(rows, Ticket::of, "ticket", id));
    }

    private static Uni<Row> insert(SqlClient tx, Lane lane, LocalDate date, Caller caller, TicketRequest request,
                                   Contact contact) {
        String holder = request.channel() == Channel.PHONE ? caller.id() : null;
        return take(tx, lane, date, request.serviceCode(), request.channel(), request.priorityOrNone(),
                request.vehiclePlate(), holder, caller.id(), null, contact);
    }

    /** The one way a ticket is numbered and stored, whatever the channel (see {@link #ISSUE}). */
    private static Uni<Row> take(SqlClient tx, Lane lane, LocalDate date, String serviceCode, Channel channel,
                                 PriorityCategory priority, String vehiclePlate, String holder, String issuedBy,
                                 OffsetDateTime bookedFor, Contact contact) {
        return tx.preparedQuery(ISSUE)
                .execute(Tuple.from(new Object[] {lane.id(), date, lane.siteCode(), serviceCode, lane.prefix(),
                        channel.name(), priority.name(), vehiclePlate, holder, issuedBy, bookedFor,
                        contact == null ? null : contact.phoneEncrypted(), contact == null ? null : contact.phoneMasked(),
                        contact == null ? "id" : contact.language()}))
                .map(rows -> rows.iterator().next());
    }

    /** A phone number left at the site, as stored: encrypted, masked for those shown it, and its language. */
    private record Contact(String phoneEncrypted, String phoneMasked, String language) {
    }

    /**
     * The contact a ticket taken at the site may carry: a valid Indonesian mobile number (phone-format, the rule
     * sign-up and home visits apply) in id or en; not on a phone ticket, whose holder is told through their own
     * account's preferences, nor on an integrator's (contact-on-site-only). Null without a phone.
     */
    private Contact contact(TicketRequest request, List<FieldError> errors) {
        if (request == null || request.phone() == null) {
            if (request != null && request.language() != null) {
                errors.add(FieldError.of("language", "contact-language-without-phone"));
            }
            return null;
        }
        if (request.channel() != null && !ON_SITE.contains(request.channel())) {
            errors.add(FieldError.of("phone", "contact-on-site-only"));
            return null;
        }
        Optional<String> phone = PhoneNumber.normalize(request.phone());
        // Too long is told once, by the request's own constraint.
        if (phone.isEmpty() && errors.stream().noneMatch(error -> error.field().equals("phone"))) {
            errors.add(FieldError.of("phone", "phone-format"));
        }
        String language = request.language() == null ? "id" : request.language();
        if (!Messages.supports(language)) {
            errors.add(FieldError.of("language", "notification-language"));
        }
        return phone.map(number -> new Contact(protection.encrypt(number), PersonalDataProtection.maskPhone(number),
                language)).orElse(null);
    }

    /**
     * The lane that queues the service at the site, whoever issues; and the one rule on whose behalf: a
     * client bound to an agency (an integrator, a drive-thru lane of Samsat) issues only for that agency's
     * services (403 client-binding-excludes, as when it files an application). The service's agency comes
     * from catalog's view in the same statement, so the check costs no round trip on this hot path.
     */
    private static Uni<Lane> laneFor(SqlClient tx, Caller caller, String siteCode, String serviceCode) {
        return tx.preparedQuery("select " + Lane.COLUMNS + ", (select agency_code from catalog_service_agency "
                        + "where code = $2) as service_agency from queue_lane where site_code = $1 "
                        + "and $2 = any(service_codes) order by prefix limit 1")
                .execute(Tuple.of(siteCode, serviceCode))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.validation("serviceCode", "not-queued-here", serviceCode, siteCode);
                    }
                    Row row = rows.iterator().next();
                    caller.requireBinding(row.getString("service_agency"), siteCode);
                    return Lane.of(row);
                });
    }

    /**
     * A citizen may queue from afar only while the site serves: within its opening hours (site-closed)
     * and not on a national holiday, cuti bersama or one of its own closures (site-day-off), which
     * opening hours alone cannot tell. The calendar is read only after the hours pass, as it costs queries.
     */
    private Uni<Void> requireServing(SiteProfile site, ZonedDateTime now) {
        if (!isOpen(site, now)) {
            return Uni.createFrom().failure(new ProblemException(409, "site-closed", site.code()));
        }
        return calendar.closedOn(site, now.toLocalDate()).map(reasons -> {
            if (!reasons.isEmpty()) {
                throw new ProblemException(409, "site-day-off", site.code(), reasons.get(0).name());
            }
            return null;
        });
    }

    /** Opening hours are in the site's own time zone; a weekday without hours is closed. */
    static boolean isOpen(SiteProfile site, ZonedDateTime now) {
        for (OpeningHours hours : site.openingHours()) {
            if (hours.day() == now.getDayOfWeek()) {
                return !now.toLocalTime().isBefore(hours.opens()) && now.toLocalTime().isBefore(hours.closes());
            }
        }
        return false;
    }

    private static void authorizeChannel(Caller caller, String siteCode, TicketRequest request) {
        boolean allowed = switch (request.channel()) {
            case KIOSK -> device(caller, Roles.KIOSK, siteCode);
            case DRIVE_THRU -> device(caller, Roles.DRIVE_THRU, siteCode);
            case PHONE -> caller.isCitizen();
            case COUNTER -> !caller.client() && caller.hasRole(Roles.COUNTER_STAFF) && siteCode.equals(caller.siteCode());
            // Scope first: an integrator without queue:issue is told which scope it lacks.
            case INTEGRATOR -> caller.client() && caller.hasRole(Roles.INTEGRATOR)
                    && caller.requireScope(ISSUE_SCOPE).bindingCovers(caller.agencyCode(), siteCode);
            // Booked tickets come only from a booking's check-in (BookingCheckIn), never asked for directly.
            case BOOKING -> false;
        };
        if (!allowed) {
            throw new ProblemException(403, "channel-not-allowed", request.channel().name());
        }
    }

    /** Kiosks and drive-thru lanes are bound to one site and issue only there. */
    private static boolean device(Caller caller, String kind, String siteCode) {
        return caller.client() && caller.hasRole(kind) && siteCode.equals(caller.siteCode());
    }
}
