package id.satupintu.notification;

import id.satupintu.platform.events.LiveStreams;
import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.web.PageSize;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The notification centre over GraphQL: the same service and rules as REST. */
@GraphQLApi
public class NotificationGraphQL {

    @Name("NotificationConnection")
    public record NotificationConnection(List<NotificationView> items, String nextCursor) {
    }

    @Inject
    NotificationCentre centre;

    @Inject
    GraphQLCalls calls;

    @Inject
    LiveStreams live;

    @Query
    @Description("The caller's notifications, newest first; unread: only those not read yet")
    public Uni<NotificationConnection> myNotifications(Integer first, String after, Boolean unread) {
        Locale locale = calls.locale();
        return calls.asCaller(caller -> centre.list(caller, after, PageSize.PERSONAL.first(first),
                        Boolean.TRUE.equals(unread), locale))
                .map(page -> new NotificationConnection(page.items(), page.nextCursor()));
    }

    @Mutation
    @Description("Marks one of the caller's notifications read")
    public Uni<NotificationView> markNotificationRead(@NonNull String id) {
        Locale locale = calls.locale();
        return calls.asCaller(caller -> centre.markRead(caller, id, locale));
    }

    @Subscription
    @Description("The caller's new notifications, live")
    public Multi<NotificationView> notifications() {
        Locale locale = calls.locale();
        return calls.asCaller(caller -> Uni.createFrom().item(NotificationCentre.streamOf(caller)))
                .onItem().transformToMulti(stream -> live.recentEvents(stream, null, 0))
                .onItem().transformToUniAndConcatenate(event -> {
                    JsonObject payload = event.payload();
                    return centre.viewOf(payload.getLong("id"), payload.getString("template"),
                            payload.getJsonObject("params", new JsonObject()), event.createdAt(), null, locale);
                });
    }
}
