package id.satupintu.identity;

import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.graphql.GraphQLCalls;
import id.satupintu.platform.web.PageSize;
import id.satupintu.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Administration of API clients over GraphQL: the same service, and rules, as /api/v1/api-clients. */
@GraphQLApi
public class ApiClientGraphQL {

    public record ApiClientConnection(List<ApiClientView> items, String nextCursor) {
    }

    public record ClientCallConnection(List<ClientCallView> items, String nextCursor) {
    }


    @Inject
    ApiClientService clients;
    @Inject
    ClientCalls clientCalls;
    @Inject
    GraphQLCalls calls;

    @Query
    @Description("API clients ordered by client_id (admin only); never their secrets.")
    public Uni<ApiClientConnection> apiClients(Boolean active, String kind, Integer first, String after) {
        return asAdmin(admin -> clients.list(active, kind, after, PageSize.STANDARD.first(first)))
                .map(page -> new ApiClientConnection(page.items(), page.nextCursor()));
    }

    @Query
    @Description("One API client (admin only).")
    public Uni<ApiClientView> apiClient(@NonNull String clientId) {
        return asAdmin(admin -> clients.find(clientId));
    }

    @Query
    @Description("The audit log of API clients' calls, newest first (admin only). since/until: ISO-8601 instants.")
    public Uni<ClientCallConnection> apiClientCalls(String clientId, Integer status, String method, String since,
                                                    String until, String pathPrefix, Integer first,
                                                    String after) {
        return asAdmin(admin -> clientCalls.list(new ClientCalls.Filter(clientId, status, method,
                QueryParams.parseInstant("since", since), QueryParams.parseInstant("until", until), pathPrefix), after, PageSize.AUDIT.first(first)))
                .map(page -> new ClientCallConnection(page.items(), page.nextCursor()));
    }

    @Mutation
    @Description("Creates an API client; clientSecret is shown this once.")
    public Uni<ApiClientSecret> createApiClient(@NonNull ApiClientInput input) {
        return asAdmin(admin -> clients.create(admin, input));
    }

    @Mutation
    @Description("Replaces name, scopes, binding and rate limit; the client's earlier tokens stop working.")
    public Uni<ApiClientView> updateApiClient(@NonNull String clientId, @NonNull ApiClientInput input) {
        return asAdmin(admin -> clients.replace(admin, clientId, input));
    }

    @Mutation
    @Description("A new secret, shown this once; graceSeconds (0-86400) keeps the previous one usable that long.")
    public Uni<ApiClientSecret> rotateApiClientSecret(@NonNull String clientId, Integer graceSeconds) {
        return asAdmin(admin -> clients.rotate(admin, clientId, new RotationInput(graceSeconds)));
    }

    @Mutation
    @Description("Revokes the client for good; its tokens are refused from their next call.")
    public Uni<ApiClientView> revokeApiClient(@NonNull String clientId) {
        return asAdmin(admin -> clients.revoke(admin, clientId));
    }

    private <T> Uni<T> asAdmin(Function<Caller, Uni<T>> work) {
        return calls.asRole(work, Roles.ADMIN);
    }
}
