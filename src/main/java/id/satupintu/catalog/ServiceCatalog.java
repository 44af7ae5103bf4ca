package id.satupintu.catalog;

import id.satupintu.catalog.service.Service;
import id.satupintu.catalog.service.ServiceFilter;
import id.satupintu.catalog.service.ServiceInput;
import id.satupintu.catalog.service.StandardVersion;
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
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Services and their versioned standards. Other features call {@link #standard(String)},
 * {@link #standard(String, int)} and {@link #agencyOf(String)}; the admin API and the demo loader
 * call {@link #create} and {@link #reviseStandard}.
 */
@ApplicationScoped
public class ServiceCatalog {

    private static final String PUBLISHED = "select v from StandardVersion v join fetch v.service s "
            + "join fetch s.agency where s.code = ?1 and v.version = ";

    @Inject
    InputValidator validator;

    /** The current standard of a service; fails with service-not-found. */
    @WithSession
    public Uni<VersionedStandard> standard(String serviceCode) {
        return published(serviceCode, null).map(VersionedStandard::of);
    }

    /** One version of a service's standard, e.g. the one an application was filed under. */
    @WithSession
    public Uni<VersionedStandard> standard(String serviceCode, int version) {
        return published(serviceCode, version).map(VersionedStandard::of);
    }

    /** The code of the agency that owns the service; fails with service-not-found. */
    @WithSession
    public Uni<String> agencyOf(String serviceCode) {
        return Service.<Service>find("select s from Service s join fetch s.agency where s.code = ?1", serviceCode)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("service", serviceCode))
                .map(service -> service.agency.code);
    }

    /** A version of the standard with its service and agency; {@code version} null means the current one. */
    @WithSession
    public Uni<StandardVersion> published(String serviceCode, Integer version) {
        Uni<StandardVersion> found = version == null
                ? StandardVersion.<StandardVersion>find(PUBLISHED + "s.currentVersion", serviceCode).firstResult()
                : StandardVersion.<StandardVersion>find(PUBLISHED + "?2", serviceCode, version).firstResult();
        return found.flatMap(published -> {
            if (published != null) {
                return Uni.createFrom().item(published);
            }
            return Service.count("code", serviceCode).map(count -> {
                throw count > 0 && version != null
                        ? new ProblemException(404, "standard-version-not-found", serviceCode, version)
                        : ProblemException.notFound("service", serviceCode);
            });
        });
    }

    /**
     * The services with these codes (inactive ones too: an application keeps its service), as list
     * entries in the given language, keyed by code; one query whatever the number of codes.
     */
    @WithSession
    public Uni<Map<String, ServiceSummary>> summaries(Collection<String> codes, Locale locale) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Service.<Service>find("select s from Service s join fetch s.agency where s.code in ?1", Set.copyOf(codes))
                .list().map(list -> list.stream().collect(Collectors.toMap(s -> s.code, s -> ServiceSummary.of(s, locale))));
    }

    /** Every version of a service's standard, newest first. */
    @WithSession
    public Uni<List<StandardVersion>> versions(String serviceCode) {
        return StandardVersion.<StandardVersion>find("select v from StandardVersion v join fetch v.service s "
                        + "where s.code = ?1 order by v.version desc", serviceCode).list()
                .invoke(list -> {
                    if (list.isEmpty()) {
                        throw ProblemException.notFound("service", serviceCode);
                    }
                });
    }

    /** Active services matching the filter, ordered by code, with their agencies. */
    @WithSession
    public Uni<Page<Service>> list(ServiceFilter filter, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder hql = new StringBuilder("select s from Service s join fetch s.agency a where s.active = true");
        Parameters params = new Parameters();
        if (filter.siteCode() != null) {
            hql.append(" and exists (select 1 from Agency x join x.sites st where x = a and st.code = :site)");
            params.and("site", filter.siteCode());
        }
        if (filter.agencyCode() != null) {
            hql.append(" and a.code = :agency");
            params.and("agency", filter.agencyCode());
        }
        if (filter.type() != null) {
            hql.append(" and s.type = :type");
            params.and("type", filter.type());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            hql.append(" and s.searchText like :q escape '\\'");
            params.and("q", "%" + escapeLike(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (!after.isEmpty()) {
            hql.append(" and s.code > :after");
            params.and("after", after.get(0));
        }
        hql.append(" order by s.code");
        return Service.<Service>find(hql.toString(), params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, service -> Cursor.encode(service.code)));
    }

    /** Creates a service with its standard as version 1. */
    @WithTransaction
    public Uni<StandardVersion> create(ServiceInput input, String actor) {
        List<FieldError> errors = validator.violations(input, "body");
        if (input == null) {
            throw ProblemException.validation(errors);
        }
        errors.addAll(StandardRules.check(input.standard(), input.type(), "standard."));
        Uni<Agency> agency = input.agencyCode() == null ? Uni.createFrom().nullItem()
                : Agency.<Agency>find("code", input.agencyCode()).firstResult();
        return agency.flatMap(owner -> {
            if (owner == null && input.agencyCode() != null) {
                errors.add(FieldError.of("agencyCode", "unknown-agency", input.agencyCode()));
            }
            InputValidator.failIfAny(errors);
            return CreateOnce.create(Service.count("code", input.code()),
                    () -> ProblemException.conflict("service-exists", input.code()), () -> {
                    Service service = new Service();
                    service.code = input.code();
                    service.agency = owner;
                    service.nameId = input.nameId();
                    service.nameEn = input.nameEn();
                    service.type = input.type();
                    service.currentVersion = 1;
                    return service.persist().flatMap(saved -> publish(service, input.standard(), actor));
                    });
        });
    }

    /**
     * Publishes a new version of a service's standard. The service row is locked first, so two
     * concurrent edits become versions N+1 and N+2 in turn. An unchanged standard publishes nothing.
     */
    @WithTransaction
    public Uni<StandardVersion> reviseStandard(String serviceCode, ServiceStandard standard, String actor) {
        List<FieldError> errors = validator.violations(standard, "body");
        InputValidator.failIfAny(errors);
        return Service.<Service>find("code", serviceCode).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("service", serviceCode))
                .flatMap(service -> Mutiny.fetch(service.agency)
                        .flatMap(agency -> {
                            InputValidator.failIfAny(StandardRules.check(standard, service.type, ""));
                            return StandardVersion.<StandardVersion>find("service = ?1 and version = ?2", service,
                                    service.currentVersion).<StandardVersion>firstResult();
                        })
                        .flatMap((StandardVersion current) -> {
                            if (current.document.equals(standard.normalized())) {
                                return Uni.createFrom().item(current);
                            }
                            service.currentVersion = service.currentVersion + 1;
                            return publish(service, standard, actor);
                        }));
    }

    /** Withdraws a service from (or returns it to) the public catalog; its standards stay readable. */
    @WithTransaction
    public Uni<Service> setActive(String serviceCode, boolean active) {
        return Service.<Service>find("select s from Service s join fetch s.agency where s.code = ?1", serviceCode)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("service", serviceCode))
                .invoke(service -> service.active = active);
    }

    private static Uni<StandardVersion> publish(Service service, ServiceStandard standard, String actor) {
        StandardVersion published = new StandardVersion();
        published.service = service;
        published.version = service.currentVersion;
        published.document = standard.normalized();
        published.createdBy = actor;
        return published.persist();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
