package id.satupintu.catalog.service;

import id.satupintu.catalog.AgencyService;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceStandard;
import id.satupintu.catalog.ServiceSummary;
import id.satupintu.catalog.ServiceType;
import id.satupintu.catalog.SiteService;
import id.satupintu.catalog.agency.AgencyInput;
import id.satupintu.catalog.agency.AgencyView;
import id.satupintu.catalog.site.SiteInput;
import id.satupintu.catalog.site.SiteView;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.PageSize;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The catalog over GraphQL: the same services, validation and roles as the REST API. */
@GraphQLApi
public class CatalogGraphQL {

    @Name("SiteConnection")
    public record SiteConnection(List<SiteView> items, String nextCursor) {
    }

    @Name("AgencyConnection")
    public record AgencyConnection(List<AgencyView> items, String nextCursor) {
    }

    @Name("ServiceConnection")
    public record ServiceConnection(List<ServiceSummary> items, String nextCursor) {
    }

    @Inject
    SiteService sites;

    @Inject
    AgencyService agencies;

    @Inject
    ServiceCatalog catalog;

    @Inject
    GraphQLCalls calls;


    @Query
    @Description("Service locations (MPP, PTSP offices), ordered by code")
    public Uni<SiteConnection> sites(Integer first, String after) {
        return calls.run(() -> sites.list(after, PageSize.STANDARD.first(first)))
                .map(page -> new SiteConnection(page.items().stream().map(SiteView::of).toList(), page.nextCursor()));
    }

    @Query
    public Uni<SiteView> site(@NonNull String code) {
        return calls.run(() -> sites.find(code)).map(SiteView::of);
    }

    @Query
    @Description("Agencies, optionally only those serving at a site, ordered by code")
    public Uni<AgencyConnection> agencies(String site, Integer first, String after) {
        return calls.run(() -> agencies.list(site, after, PageSize.STANDARD.first(first))).map(page ->
                new AgencyConnection(page.items().stream().map(AgencyView::of).toList(), page.nextCursor()));
    }

    @Query
    public Uni<AgencyView> agency(@NonNull String code) {
        return calls.run(() -> agencies.find(code)).map(AgencyView::of);
    }

    @Query
    @Description("Active services; q searches the code and the Indonesian and English names")
    public Uni<ServiceConnection> services(String site, String agency, ServiceType type, String q,
                                           Integer first, String after) {
        Locale locale = calls.locale();
        return calls.run(() -> catalog.list(new ServiceFilter(site, agency, type, query(q)), after, PageSize.STANDARD.first(first)))
                .map(page -> new ServiceConnection(
                        page.items().stream().map(s -> ServiceSummary.of(s, locale)).toList(), page.nextCursor()));
    }

    @Query
    @Description("A service with its current standard, or with the given version of it")
    public Uni<ServiceDetail> service(@NonNull String code, Integer version) {
        Locale locale = calls.locale();
        return calls.run(() -> catalog.published(code, version)).map(v -> ServiceDetail.of(v, locale));
    }

    @Query
    public Uni<List<VersionInfo>> serviceVersions(@NonNull String code) {
        return calls.run(() -> catalog.versions(code)).map(list -> list.stream().map(VersionInfo::of).toList());
    }

    /** The agencies of a whole list of services in one query, whatever the list's length. */
    @Name("agency")
    public Uni<List<AgencyView>> owningAgencies(@Source List<ServiceSummary> services) {
        List<String> codes = services.stream().map(ServiceSummary::agencyCode).distinct().toList();
        return calls.run(() -> agencies.byCodes(codes)).map(byCode -> services.stream()
                .map(service -> byCode.get(service.agencyCode())).map(a -> a == null ? null : AgencyView.of(a))
                .toList());
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<SiteView> createSite(@NonNull SiteInput input) {
        return calls.run(() -> sites.create(input)).map(SiteView::of);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<SiteView> updateSite(@NonNull String code, @NonNull SiteInput input) {
        return calls.run(() -> sites.replace(code, input)).map(SiteView::of);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<AgencyView> createAgency(@NonNull AgencyInput input) {
        return calls.run(() -> agencies.create(input)).map(AgencyView::of);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<AgencyView> updateAgency(@NonNull String code, @NonNull AgencyInput input) {
        return calls.run(() -> agencies.replace(code, input)).map(AgencyView::of);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<ServiceDetail> createService(@NonNull ServiceInput input) {
        Locale locale = calls.locale();
        return calls.callerId().flatMap(actor -> calls.run(() -> catalog.create(input, actor)))
                .map(v -> ServiceDetail.of(v, locale));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Publishes the standard as the service's next version")
    public Uni<ServiceDetail> updateServiceStandard(@NonNull String code, @NonNull ServiceStandard standard) {
        Locale locale = calls.locale();
        return calls.callerId().flatMap(actor -> calls.run(() -> catalog.reviseStandard(code, standard, actor)))
                .map(v -> ServiceDetail.of(v, locale));
    }

    private static String query(String q) {
        if (q != null && q.length() > 100) {
            throw ProblemException.validation("q", "size", 0, 100);
        }
        return q;
    }
}
