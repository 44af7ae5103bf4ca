package id.satupintu.catalog.service;

import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceStandard;
import id.satupintu.catalog.ServiceSummary;
import id.satupintu.catalog.ServiceType;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class ServiceResource {

    /** A published version never changes, so clients may keep it for a day. */
    private static final int PAST_VERSION_MAX_AGE = 86_400;

    @Inject
    ServiceCatalog catalog;

    @Inject
    Conditional conditional;

    @Inject
    JsonWebToken caller;

    @GET
    public Uni<Response> list(@QueryParam("site") String site,
                              @QueryParam("agency") String agency,
                              @QueryParam("type") ServiceType type,
                              @QueryParam("q") @Size(max = 100) String q,
                              @QueryParam("cursor") String cursor,
                              @QueryParam("limit") String limit,
                              @Context HttpHeaders headers) {
        int size = PageSize.STANDARD.limit(limit);
        Locale locale = locale(headers);
        return catalog.list(new ServiceFilter(site, agency, type, q), cursor, size)
                .map(page -> conditional.ok(headers, page.map(s -> ServiceSummary.of(s, locale)),
                        Conditional.publicFor(300)));
    }

    /** The service with its current standard, or with version {@code version} of it. */
    @GET
    @Path("/{code}")
    public Uni<Response> get(@PathParam("code") String code, @QueryParam("version") @Min(1) Integer version,
                             @Context HttpHeaders headers) {
        Locale locale = locale(headers);
        return catalog.published(code, version).map(published -> conditional.ok(headers,
                ServiceDetail.of(published, locale),
                Conditional.publicFor(version == null ? 300 : PAST_VERSION_MAX_AGE)));
    }

    @GET
    @Path("/{code}/standard/versions")
    public Uni<Response> versions(@PathParam("code") String code, @Context HttpHeaders headers) {
        return catalog.versions(code).map(list -> conditional.ok(headers,
                list.stream().map(VersionInfo::of).toList(), Conditional.publicFor(300)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull ServiceInput input, @Context HttpHeaders headers) {
        Locale locale = locale(headers);
        return catalog.create(input, caller.getSubject())
                .map(published -> Response.created(URI.create("/api/v1/services/" + published.service.code))
                        .entity(ServiceDetail.of(published, locale)).build());
    }

    /** Publishes the body as the next version of the standard; earlier versions stay readable. */
    @PUT
    @Path("/{code}/standard")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ServiceDetail> reviseStandard(@PathParam("code") String code, @NotNull ServiceStandard standard,
                                             @Context HttpHeaders headers) {
        Locale locale = locale(headers);
        return catalog.reviseStandard(code, standard, caller.getSubject())
                .map(published -> ServiceDetail.of(published, locale));
    }

    /** Takes a service out of the public list (or back in): {@code {"active": false}}. */
    @PUT
    @Path("/{code}/active")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ServiceSummary> setActive(@PathParam("code") String code, @NotNull Activation body,
                                         @Context HttpHeaders headers) {
        if (body.active() == null) {
            throw id.satupintu.platform.error.ProblemException.validation("active", "required");
        }
        Locale locale = locale(headers);
        return catalog.setActive(code, body.active()).map(service -> ServiceSummary.of(service, locale));
    }

    public record Activation(Boolean active) {
    }

    private static Locale locale(HttpHeaders headers) {
        return Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
