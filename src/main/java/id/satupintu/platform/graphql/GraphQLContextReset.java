package id.satupintu.platform.graphql;

import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * SmallRye GraphQL keeps its request context in a thread-local that it leaves set on the event-loop
 * thread after a query or subscription. Hibernate Validator's GraphQL locale resolver then finds that
 * stale context during a later REST request on the same thread and fails (NPE, answered as a 500) when
 * it interpolates a violation message. A REST request is never a GraphQL one, so it starts without it.
 */
class GraphQLContextReset {

    @ServerRequestFilter(preMatching = true)
    public void forgetGraphQLContext() {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
    }
}
