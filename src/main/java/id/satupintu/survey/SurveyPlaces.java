package id.satupintu.survey;

import id.satupintu.catalog.AgencyProfile;
import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceSummary;
import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.SiteService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The site, agency and service a survey is about, by code and name, from catalog's records. */
@ApplicationScoped
class SurveyPlaces {

    record Places(Questionnaire.Place site, Questionnaire.Place agency, Questionnaire.Place service) {
    }

    @Inject
    SiteService sites;

    @Inject
    AgencyService agencies;

    @Inject
    ServiceCatalog services;

    /** One after the other: the catalog's reads share the request's session. */
    Uni<Places> of(Invitation invitation, Locale locale) {
        Uni<Questionnaire.Place> site = invitation.siteCode() == null ? Uni.createFrom().nullItem()
                : sites.find(invitation.siteCode()).map(SurveyPlaces::place)
                        .onFailure().recoverWithItem(new Questionnaire.Place(invitation.siteCode(), null));
        return site.flatMap(s -> agency(invitation.agencyCode()).flatMap(a -> service(invitation.serviceCode(), locale)
                .map(v -> new Places(s, a, v))));
    }

    private Uni<Questionnaire.Place> agency(String code) {
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        return agencies.byCodes(List.of(code)).map(found -> {
            AgencyProfile agency = found.get(code);
            return new Questionnaire.Place(code, agency == null ? null : agency.name());
        });
    }

    private Uni<Questionnaire.Place> service(String code, Locale locale) {
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        return services.summaries(Set.of(code), locale).map(found -> {
            ServiceSummary service = found.get(code);
            return new Questionnaire.Place(code, service == null ? null : service.name());
        });
    }

    private static Questionnaire.Place place(SiteProfile site) {
        return new Questionnaire.Place(site.code(), site.name());
    }
}
