package id.satupintu.integration.webhook;

import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An API client's webhook subscriptions (scope {@code webhooks:manage}). */
@Path("/api/v1/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@RolesAllowed("**")
public class WebhookSubscriptionResource {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    CurrentUser currentUser;

    @GET
    public Uni<List<WebhookSubscriptionView>> list() {
        return currentUser.require().flatMap(subscriptions::list);
    }

    /** 201 with the subscription and its signing secret, shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull WebhookSubscriptionInput input) {
        return currentUser.require().flatMap(caller -> subscriptions.create(caller, input))
                .map(created -> Response.created(URI.create("/api/v1/webhooks/subscriptions/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @Path("/{id}")
    public Uni<WebhookSubscriptionView> get(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> subscriptions.find(caller, id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<WebhookSubscriptionView> replace(@PathParam("id") String id, @NotNull WebhookSubscriptionInput input) {
        return currentUser.require().flatMap(caller -> subscriptions.replace(caller, id, input));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> subscriptions.delete(caller, id))
                .map(done -> Response.noContent().build());
    }

    /** A new signing secret, shown this once; the old one keeps signing during the grace period. */
    @POST
    @Path("/{id}/secret")
    public Uni<WebhookSubscriptionView> rotateSecret(@PathParam("id") String id) {
        return currentUser.require().flatMap(caller -> subscriptions.rotateSecret(caller, id));
    }
}
