package id.satupintu.notification;

import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.security.GuardedStream;
import id.satupintu.platform.security.StreamGuard;
import id.satupintu.platform.web.Conditional;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The citizen's notification centre: list (all or unread), mark read, and the live stream. */
@Path("/api/v1/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

    @Inject
    NotificationCentre centre;

    @Inject
    CurrentUser currentUser;

    @Inject
    Conditional conditional;

    @Inject
    LiveStreams live;

    @Inject
    StreamGuard guard;

    /** The caller's notifications, newest first; {@code unread=true} for the unread ones only. */
    @GET
    public Uni<Response> mine(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                              @QueryParam("unread") String unread, @Context HttpHeaders headers) {
        int size = PageSize.PERSONAL.limit(limit);
        boolean unreadOnly = Boolean.TRUE.equals(QueryParams.parseBoolean("unread", unread));
        Locale locale = Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return currentUser.require().flatMap(caller -> centre.list(caller, cursor, size, unreadOnly, locale))
                .map(page -> conditional.ok(headers, page, Conditional.privateNoCache()));
    }

    /** How many are unread. */
    @GET
    @Path("/unread-count")
    public Uni<Map<String, Long>> unreadCount() {
        return currentUser.require().flatMap(centre::unread).map(count -> Map.of("unread", count));
    }

    @POST
    @Path("/{id}/read")
    public Uni<NotificationView> markRead(@PathParam("id") String id,
                                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return currentUser.require().flatMap(caller -> centre.markRead(caller, id, Messages.negotiate(acceptLanguage)));
    }

    @POST
    @Path("/read")
    public Uni<Map<String, Integer>> markAllRead() {
        return currentUser.require().flatMap(centre::markAllRead).map(count -> Map.of("marked", count));
    }

    /**
     * New notifications live, from now on; after a reconnect (Last-Event-ID) what came meanwhile. The list
     * above is the history, so a first connection does not replay it.
     */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @GuardedStream
    public Multi<OutboundSseEvent> events(@HeaderParam("Last-Event-ID") String lastEventId,
                                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                          @Context Sse sse) {
        Locale locale = Messages.negotiate(acceptLanguage);
        return live.sseRecentViewed(sse, guard.admitted(String.class), lastEventId, 0, payload -> shown(payload, locale));
    }

    /** The event as the citizen sees it: the notification's id, template, subject and text. */
    private Uni<JsonObject> shown(JsonObject payload, Locale locale) {
        JsonObject params = payload.getJsonObject("params", new JsonObject());
        String template = payload.getString("template");
        return centre.viewOf(payload.getLong("id"), template, params, null, null, locale)
                .map(view -> new JsonObject().put("id", payload.getValue("id")).put("template", template)
                        .put("subject", view.subject()).put("text", view.text())
                        .put("createdAt", payload.getValue("createdAt")));
    }
}
