package id.satupintu.complaint.filing;

import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.web.Conditional;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The complaint categories, public, in the reader's language. */
@Path("/api/v1/complaint-categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class ComplaintCategoryResource {

    private static final int MAX_AGE = 300;

    @Inject
    ComplaintCategories categories;

    @Inject
    Conditional conditional;

    @GET
    public Uni<Response> list(@Context HttpHeaders headers) {
        return categories.list(Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .map(list -> conditional.ok(headers, list, Conditional.publicFor(MAX_AGE)));
    }
}
