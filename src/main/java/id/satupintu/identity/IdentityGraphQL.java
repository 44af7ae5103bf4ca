package id.satupintu.identity;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.graphql.GraphQLCalls;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** Identity over GraphQL: the same service as {@code GET /api/v1/me}. */
@GraphQLApi
public class IdentityGraphQL {

    @Inject
    IdentityService identity;
    @Inject
    CurrentUser currentUser;
    @Inject
    GraphQLCalls calls;

    @Query("me")
    @Description("The signed-in user or API client; NIK and phone masked. Requires a Bearer token.")
    public Uni<Me> me() {
        Locale locale = calls.locale();
        return calls.run(() -> currentUser.require().chain(caller -> identity.me(caller, locale)));
    }
}
