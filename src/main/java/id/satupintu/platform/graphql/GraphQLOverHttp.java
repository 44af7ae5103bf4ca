package id.satupintu.platform.graphql;

import id.satupintu.platform.error.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts {@link GraphQLHttpHandler} on the GraphQL path, after SmallRye's WebSocket handler (order
 * -99, which takes the graphql-transport-ws upgrades and passes everything else on) and before
 * SmallRye's HTTP handler, which then no longer sees a request.
 */
@ApplicationScoped
public class GraphQLOverHttp {

    /** SmallRye registers its WebSocket handler at -99 on the same path. */
    private static final int ORDER = -90;

    // Quarkus's own properties, read as they are (a mapping of ours over quarkus.* would declare them twice);
    // the defaults repeat Quarkus's because a build-time property need not be visible at run time.
    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String graphqlPath;

    @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/")
    String httpRootPath;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    @Inject
    Instance<CurrentIdentityAssociation> identity;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    GraphQLHttpResponses responses;

    @Inject
    GraphQLErrors errors;

    @Inject
    GraphQLLimits limits;

    void install(@Observes Router router) {
        String path = path();
        GraphQLHttpHandler handler = new GraphQLHttpHandler(identity.isResolvable() ? identity.get() : null,
                currentRequest, responses, errors, limits);
        router.route(HttpMethod.POST, path).order(ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()));
        router.route(path).order(ORDER + 1).handler(handler).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                responses.respond(ctx, GraphQLMediaTypes.GRAPHQL_RESPONSE_JSON,
                        new ProblemException(413, "payload-too-large"));
            } else {
                ctx.next();
            }
        });
    }

    public String path() {
        String root = httpRootPath.endsWith("/") ? httpRootPath : httpRootPath + "/";
        String graphql = graphqlPath.startsWith("/") ? graphqlPath.substring(1) : graphqlPath;
        return root + graphql;
    }
}
