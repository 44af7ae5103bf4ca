package id.satupintu.complaint.open311;

import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.SiteProfile;
import id.satupintu.complaint.PublicComplaint;
import id.satupintu.complaint.PublicComplaintFilter;
import id.satupintu.complaint.PublicComplaints;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GeoReport v2 service requests as read: a request is a complaint, its service_request_id the
 * tracking code. What a request shows is the complaints' public view, which never carries who
 * reported it or how to reach them.
 */
@ApplicationScoped
class Open311Requests {

    /** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_REQUESTS = 1000;

    @Inject
    Open311Jurisdictions jurisdictions;

    @Inject
    PublicComplaints complaints;

    @Inject
    AgencyService agencies;

    @Inject
    Clock clock;

    /** GET tokens/{token}: every service here is realtime, so no token was ever given out. */
    Uni<Open311Document> token(String token, Open311Query query) {
        return jurisdictions.site(query.jurisdiction()).map(site -> {
            throw new ProblemException(404, "open311-token-not-found", Open311Format.shorten(token));
        });
    }

    Uni<Open311Document> request(String serviceRequestId, Open311Query query) {
        return jurisdictions.site(query.jurisdiction())
                .flatMap(site -> complaints.find(serviceRequestId, query.locale())
                        .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                                ? requestNotFound(serviceRequestId) : e)
                        .map(found -> {
                            // A request of another site is not this jurisdiction's: as unknown as a wrong id.
                            if (!site.code().equals(found.siteCode())) {
                                throw requestNotFound(serviceRequestId);
                            }
                            return List.of(found);
                        })
                        .flatMap(found -> requests(site, found, query.locale())));
    }

    /**
     * GET requests. service_request_id overrides every other filter. Otherwise requested_datetime
     * lies in [start_date, end_date], a span of at most 90 days; a missing end is 90 days after the
     * start (or now), a missing start 90 days before the end; at most 1000, newest first.
     */
    Uni<Open311Document> requests(Open311Query query) {
        return Uni.createFrom().item(() -> filter(query)).flatMap(filter -> jurisdictions.site(query.jurisdiction())
                .flatMap(site -> complaints.list(withSite(filter, site.code()), MAX_REQUESTS, query.locale())
                        .flatMap(found -> requests(site, found, query.locale()))));
    }

    private PublicComplaintFilter filter(Open311Query query) {
        List<String> ids = query.list("service_request_id");
        if (ids.size() > MAX_REQUESTS) {
            throw ProblemException.validation("service_request_id", "size", 1, MAX_REQUESTS);
        }
        if (!ids.isEmpty()) {
            return new PublicComplaintFilter(ids, null, null, null, null, null);
        }
        List<String> codes = query.list("service_code");
        if (codes.size() > Open311Services.ID_MAX) {
            throw ProblemException.validation("service_code", "size", 1, Open311Services.ID_MAX);
        }
        OffsetDateTime start = query.dateTime("start_date");
        OffsetDateTime end = query.dateTime("end_date");
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                throw ProblemException.validation("end_date", "open311-end-before-start");
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw ProblemException.validation("end_date", "open311-span-too-long", MAX_SPAN.toDays());
            }
        } else if (start != null) {
            end = start.plus(MAX_SPAN);
        } else {
            end = end != null ? end : clock.now().atOffset(ZoneOffset.UTC);
            start = end.minus(MAX_SPAN);
        }
        Set<String> statuses = query.list("status").stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String status : statuses) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw ProblemException.validation("status", "open311-status");
            }
        }
        Boolean open = statuses.size() == 1 ? statuses.contains("open") : null;
        return new PublicComplaintFilter(null, codes.isEmpty() ? null : codes, null, start, end, open);
    }

    private static PublicComplaintFilter withSite(PublicComplaintFilter f, String siteCode) {
        return new PublicComplaintFilter(f.trackingCodes(), f.categoryCodes(), siteCode, f.from(), f.to(), f.open());
    }

    /** The requests in the site's own time zone, with the responsible agencies' names (one look-up). */
    private Uni<Open311Document> requests(SiteProfile site, List<PublicComplaint> found, Locale locale) {
        ZoneId zone = site.zone();
        Set<String> agencyCodes = found.stream().map(PublicComplaint::agencyCode).filter(c -> c != null)
                .collect(Collectors.toSet());
        Uni<Map<String, String>> names = agencyCodes.isEmpty() ? Uni.createFrom().item(Map.of())
                : agencies.byCodes(agencyCodes).map(byCode -> byCode.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name())));
        return names.map(agencyNames -> Open311Document.list("service_requests", "request", found.stream()
                .map(c -> Open311Document.fields()
                        .put("service_request_id", c.trackingCode())
                        .put("status", c.open() ? "open" : "closed")
                        .put("status_notes", c.statusNotes())
                        .put("service_name", c.categoryName())
                        .put("service_code", c.categoryCode())
                        .put("description", c.description())
                        .put("agency_responsible", c.agencyCode() == null ? null
                                : agencyNames.getOrDefault(c.agencyCode(), c.agencyCode()))
                        .put("service_notice", null)
                        .put("requested_datetime", local(c.requestedAt(), zone))
                        .put("updated_datetime", local(c.updatedAt(), zone))
                        // The deadline is a working day at the site: expected by the end of it.
                        .put("expected_datetime", c.expectedOn() == null ? null
                                : c.expectedOn().atTime(LocalTime.of(23, 59, 59)).atZone(zone).toOffsetDateTime())
                        .put("address", c.address())
                        .put("address_id", null)
                        .put("zipcode", null)
                        .put("lat", c.latitude())
                        .put("long", c.longitude())
                        .put("media_url", c.mediaUrl()))
                .toList()));
    }

    private static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static ProblemException requestNotFound(String id) {
        return new ProblemException(404, "open311-request-not-found", Open311Format.shorten(id));
    }
}
