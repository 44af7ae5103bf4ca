package id.satupintu.platform.graphql;

import graphql.introspection.Introspection;
import id.satupintu.platform.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Schema introspection on or off: {@code satupintu.graphql.introspection}, on in dev and tests, off in
 * the packaged service (prod), where the public port should not hand anyone who asks a map of every
 * query, mutation and field. Off, graphql-java refuses a query that asks for {@code __schema} or
 * {@code __type} before running any of it ("Introspection has been disabled for this request",
 * classification IntrospectionDisabled), over HTTP and over the WebSocket alike; {@code __typename}
 * and every other query still work.
 *
 * <p>graphql-java's switch is per JVM. One JVM runs one service and one schema, so it is the service's
 * switch; it is set at every start, so a start with another setting (a test profile) does not carry
 * over to the next.
 */
@ApplicationScoped
class GraphQLIntrospection {

    private static final Logger LOG = Logger.getLogger(GraphQLIntrospection.class);

    @Inject
    PlatformConfig config;

    void apply(@Observes StartupEvent start) {
        boolean enabled = config.graphql().introspection();
        Introspection.enabledJvmWide(enabled);
        if (!enabled) {
            LOG.info("GraphQL schema introspection is off (satupintu.graphql.introspection=false)");
        }
    }
}
