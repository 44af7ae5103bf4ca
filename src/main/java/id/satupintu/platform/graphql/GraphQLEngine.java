package id.satupintu.platform.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Puts the API's rules into the graphql-java engine SmallRye builds, the one that executes every
 * operation of both channels (GraphQL over HTTP and graphql-transport-ws): the limits of
 * {@link GraphQLLimits} before execution, and {@link GraphQLErrors} on every result, subscription
 * events included. SmallRye offers no other way in than this hook, an {@link EventingService} it finds
 * with ServiceLoader (META-INF/services), called once as it builds the engine for the first operation;
 * the beans come from the container then.
 */
public class GraphQLEngine implements EventingService {

    /** No configuration key: always on. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // SmallRye's own instrumentation (its query cache, which is also the engine's document provider)
        // can only be read back from a build of the builder as it stands; it stays first in the chain.
        Instrumentation smallRye = builder.build().getInstrumentation();
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(smallRye);
        chain.addAll(Arc.container().instance(GraphQLLimits.class).get().instrumentations());
        chain.add(new Results(Arc.container().instance(GraphQLErrors.class).get()));
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /** Every result, refusals before execution included, leaves with its errors translated. */
    private static final class Results extends SimplePerformantInstrumentation {

        private final GraphQLErrors errors;

        Results(GraphQLErrors errors) {
            this.errors = errors;
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (GraphQLErrors.translated(result.getErrors())) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> translated = errors.translate(result.getErrors(),
                    GraphQLErrors.locale(parameters.getExecutionInput()));
            return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(translated)));
        }
    }
}
