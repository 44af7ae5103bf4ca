package id.satupintu.complaint.filing;

import id.satupintu.application.ApplicationReads;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.SiteService;
import id.satupintu.complaint.Complaint;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.queue.QueueTickets;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What a new complaint is about, beyond its text: the site, agency, service, application and
 * ticket it names, each checked against its own feature. Every link that does not hold is one more
 * field error, so the reporter learns of all of them at once.
 */
@ApplicationScoped
class ComplaintLinks {

    @Inject
    SiteService sites;

    @Inject
    AgencyService agencies;

    @Inject
    ServiceCatalog catalog;

    @Inject
    ApplicationReads applications;

    @Inject
    QueueTickets tickets;

    /**
     * Checks and resolves the optional links: site, agency, service, application, ticket. The site is
     * required in the end (its calendar counts the deadlines, its desk handles the complaint); it
     * follows from the application, or from an agency or service that serves at one site only.
     */
    Uni<Void> resolve(Caller caller, ComplaintInput input, Complaint c, List<FieldError> errors) {
        Uni<String> fromApplication = Uni.createFrom().nullItem();
        if (input.applicationTrackingNumber() != null) {
            fromApplication = applications.ownedBy(caller, input.applicationTrackingNumber())
                    .map(app -> {
                        c.applicationNumber = app.trackingNumber();
                        if (c.serviceCode == null && input.serviceCode() == null) {
                            c.serviceCode = app.serviceCode();
                        }
                        return app.siteCode();
                    })
                    .onFailure(ProblemException.class).recoverWithItem(e -> {
                        errors.add(FieldError.of("applicationTrackingNumber", "complaint-not-your-application"));
                        return null;
                    });
        }
        return fromApplication.flatMap(appSite -> ticket(caller, input, c, errors)
                .flatMap(ticketSite -> service(input, c, errors))
                .flatMap(serviceAgency -> agency(input, c, errors, serviceAgency))
                .flatMap(agencySites -> site(input, c, errors, appSite, agencySites)));
    }

    private Uni<String> ticket(Caller caller, ComplaintInput input, Complaint c, List<FieldError> errors) {
        if (input.ticketId() == null) {
            return Uni.createFrom().nullItem();
        }
        return tickets.readable(caller, input.ticketId().toString())
                .map(ticket -> {
                    if (!caller.id().equals(ticket.holderId())) {
                        errors.add(FieldError.of("ticketId", "complaint-not-your-ticket"));
                        return null;
                    }
                    c.ticketId = input.ticketId();
                    return ticket.siteCode();
                })
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("ticketId", "complaint-not-your-ticket"));
                    return null;
                });
    }

    private Uni<String> service(ComplaintInput input, Complaint c, List<FieldError> errors) {
        if (input.serviceCode() == null) {
            return c.serviceCode == null ? Uni.createFrom().nullItem() : catalog.agencyOf(c.serviceCode);
        }
        return catalog.agencyOf(input.serviceCode())
                .invoke(agency -> c.serviceCode = input.serviceCode())
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("serviceCode", "complaint-unknown-service", input.serviceCode()));
                    return null;
                });
    }

    /** The named agency (or the service's), and the sites it serves at. */
    private Uni<List<String>> agency(ComplaintInput input, Complaint c, List<FieldError> errors, String serviceAgency) {
        String code = input.agencyCode() != null ? input.agencyCode() : serviceAgency;
        if (code == null) {
            return Uni.createFrom().item(List.of());
        }
        return agencies.find(code)
                .map(agency -> {
                    c.agencyCode = agency.code();
                    return agency.siteCodes();
                })
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("agencyCode", "complaint-unknown-agency", code));
                    return List.of();
                });
    }

    private Uni<Void> site(ComplaintInput input, Complaint c, List<FieldError> errors, String appSite,
                           List<String> agencySites) {
        String code = input.siteCode() != null ? input.siteCode()
                : appSite != null ? appSite
                : agencySites.size() == 1 ? agencySites.get(0) : null;
        if (code == null) {
            if (errors.isEmpty()) {
                errors.add(FieldError.of("siteCode", "required"));
            }
            return Uni.createFrom().voidItem();
        }
        return sites.find(code)
                .invoke(site -> c.siteCode = site.code())
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    errors.add(FieldError.of("siteCode", "complaint-unknown-site", code));
                    return null;
                })
                .replaceWithVoid();
    }
}
