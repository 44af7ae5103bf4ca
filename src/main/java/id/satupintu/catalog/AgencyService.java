package id.satupintu.catalog;

import id.satupintu.catalog.agency.AgencyInput;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.Cursor;
import id.satupintu.platform.web.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Agencies: the offices that own services, and the sites they serve at. */
@ApplicationScoped
public class AgencyService {

    private static final String WITH_SITES = "select distinct a from Agency a left join fetch a.sites ";

    @Inject
    InputValidator validator;

    @WithSession
    public Uni<AgencyProfile> find(String code) {
        return entity(code).map(AgencyProfile::of);
    }

    /** The agencies with these codes (unknown codes are left out), with their sites, keyed by code. */
    @WithSession
    public Uni<Map<String, AgencyProfile>> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Agency.<Agency>find(WITH_SITES + "where a.code in ?1", Set.copyOf(codes)).list()
                .map(list -> list.stream().collect(Collectors.toMap(a -> a.code, AgencyProfile::of)));
    }

    /**
     * One page ordered by code. The page is chosen first and its sites fetched after, because paging a
     * query that fetches a collection would be done in memory.
     */
    @WithSession
    public Uni<Page<AgencyProfile>> list(String siteCode, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder where = new StringBuilder("where 1 = 1");
        Parameters params = new Parameters();
        if (siteCode != null) {
            where.append(" and exists (select 1 from Agency x join x.sites s where x = a and s.code = :site)");
            params.and("site", siteCode);
        }
        if (!after.isEmpty()) {
            where.append(" and a.code > :after");
            params.and("after", after.get(0));
        }
        return Agency.<Agency>find("select a from Agency a " + where + " order by a.code", params)
                .page(0, limit + 1).list()
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(rows)
                        : Agency.<Agency>find(WITH_SITES + "where a.id in ?1 order by a.code",
                                rows.stream().map(a -> a.id).toList()).list())
                .map(rows -> Page.of(rows, limit, agency -> Cursor.encode(agency.code)).map(AgencyProfile::of));
    }

    @WithTransaction
    public Uni<AgencyProfile> create(AgencyInput input) {
        InputValidator.failIfAny(validator.violations(input, "body"));
        return CreateOnce.create(Agency.count("code", input.code()),
                () -> ProblemException.conflict("agency-exists", input.code()), () -> sites(input).flatMap(sites -> {
                    Agency agency = new Agency();
                    apply(agency, input, sites);
                    return agency.<Agency>persist().map(AgencyProfile::of);
                }));
    }

    @WithTransaction
    public Uni<AgencyProfile> replace(String code, AgencyInput input) {
        InputValidator.failIfAny(validator.violations(input, "body"));
        CreateOnce.sameCode(code, input.code());
        return entity(code).flatMap(agency -> sites(input).flatMap(sites -> {
            apply(agency, input, sites);
            return agency.<Agency>persist().map(AgencyProfile::of);
        }));
    }

    /**
     * The entity with its sites, for catalog's own writes; in the caller's session. The code is unique, so
     * the query asks for no limit: a limit on a query that fetches a collection is applied in memory
     * (Hibernate's HHH90003004).
     */
    private static Uni<Agency> entity(String code) {
        return Agency.<Agency>find(WITH_SITES + "where a.code = ?1", code).list().map(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("agency", code);
            }
            return found.get(0);
        });
    }

    /** The sites the input names; every one must exist. */
    private static Uni<Set<Site>> sites(AgencyInput input) {
        return Site.<Site>find("code in ?1", Set.copyOf(input.siteCodes())).list().map(found -> {
            Map<String, Site> byCode = found.stream().collect(Collectors.toMap(s -> s.code, Function.identity()));
            List<FieldError> errors = new java.util.ArrayList<>();
            Set<Site> sites = new LinkedHashSet<>();
            for (int i = 0; i < input.siteCodes().size(); i++) {
                Site site = byCode.get(input.siteCodes().get(i));
                if (site == null) {
                    errors.add(FieldError.of("siteCodes[" + i + "]", "unknown-site", input.siteCodes().get(i)));
                } else if (!sites.add(site)) {
                    errors.add(FieldError.of("siteCodes[" + i + "]", "duplicate"));
                }
            }
            InputValidator.failIfAny(errors);
            return sites;
        });
    }

    private static void apply(Agency agency, AgencyInput input, Set<Site> sites) {
        agency.code = input.code();
        agency.name = input.name();
        agency.shortName = input.shortName();
        agency.kind = input.kind();
        agency.website = input.website();
        agency.phone = input.phone();
        agency.sites.clear();
        agency.sites.addAll(sites);
    }
}
