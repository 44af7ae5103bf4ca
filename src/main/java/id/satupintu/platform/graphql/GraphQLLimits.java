package id.satupintu.platform.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;
import id.satupintu.platform.PlatformConfig;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.PageSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What one GraphQL operation may ask for, on both channels; an operation over a limit is refused
 * before any resolver runs, with a 400 and a stable code:
 * <ul>
 * <li>{@code graphql-variables-too-large}: its variables nest deeper, or hold more values, than
 * {@code satupintu.graphql.max-variable-depth} / {@code max-variable-values} (checked first of all);</li>
 * <li>{@code graphql-too-deep}: its fields nest deeper than {@code satupintu.graphql.max-depth};</li>
 * <li>{@code graphql-too-complex}: it names more fields than {@code satupintu.graphql.max-fields}
 * (aliases count apart: each root field is a resolver call of its own);</li>
 * <li>{@code graphql-too-costly}: it costs more than {@code satupintu.graphql.max-cost}. A field
 * costs 1 plus what it selects, and the list of a paged field ({@code items} under a field that takes
 * {@code first}) costs that once per item the page may hold ({@link PageSize#mostItems}): 100 aliases
 * of {@code services(first: 200) { items { code } }} cost 40,100, the 20,000 rows they would read, not
 * the 300 fields they name.</li>
 * </ul>
 */
@ApplicationScoped
class GraphQLLimits {

    @Inject
    PlatformConfig config;

    List<Instrumentation> instrumentations() {
        PlatformConfig.Graphql limits = config.graphql();
        return List.of(new Variables(), new Depth(limits.maxDepth()), new Fields(limits.maxFields()),
                new Cost(limits.maxCost()));
    }

    /** A field's cost given what its selection costs (graphql-java adds the fields of a selection up). */
    static int cost(FieldComplexityEnvironment field, int selection) {
        int cost = selection + 1;
        FieldComplexityEnvironment parent = field.getParentEnvironment();
        if (parent == null || !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getFieldDefinition().getType()))) {
            return cost;
        }
        GraphQLFieldDefinition paged = parent.getFieldDefinition();
        if (paged.getArgument("first") == null) {
            return cost;
        }
        Object first = parent.getArguments().get("first");
        int items = PageSize.mostItems(first instanceof Integer n ? n : null);
        return (int) Math.min(Integer.MAX_VALUE, (long) cost * items);
    }

    /** Whether variables stay within the bounds; walked without recursion, so any depth is safe. */
    boolean withinBounds(Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) {
            return true;
        }
        record Node(Object value, int depth) {
        }
        Deque<Node> waiting = new ArrayDeque<>();
        variables.values().forEach(value -> waiting.push(new Node(value, 0)));
        int values = 0;
        while (!waiting.isEmpty()) {
            Node node = waiting.pop();
            if (++values > config.graphql().maxVariableValues()) {
                return false;
            }
            Collection<?> children = node.value() instanceof Map<?, ?> map ? map.values()
                    : node.value() instanceof Collection<?> list ? list : null;
            if (children != null) {
                int depth = node.depth() + 1;
                if (depth > config.graphql().maxVariableDepth()) {
                    return false;
                }
                children.forEach(child -> waiting.push(new Node(child, depth)));
            }
        }
        return true;
    }

    ProblemException variablesTooLarge() {
        return new ProblemException(400, "graphql-variables-too-large", config.graphql().maxVariableDepth(),
                config.graphql().maxVariableValues());
    }

    /** A refusal before execution; {@link GraphQLErrors} reports its problem in the caller's language. */
    static final class Refusal extends AbortExecutionException {

        private final transient ProblemException problem;

        Refusal(ProblemException problem) {
            super(problem.code());
            this.problem = problem;
        }

        ProblemException problem() {
            return problem;
        }
    }

    private final class Variables extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
            if (!withinBounds(parameters.getExecutionInput().getVariables())) {
                throw new Refusal(variablesTooLarge());
            }
            return super.beginExecution(parameters, state);
        }
    }

    private static final class Depth extends MaxQueryDepthInstrumentation {

        Depth(int max) {
            super(max);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int max) {
            return new Refusal(new ProblemException(400, "graphql-too-deep", depth, max));
        }
    }

    private static final class Fields extends MaxQueryComplexityInstrumentation {

        Fields(int max) {
            super(max);
        }

        @Override
        protected AbortExecutionException mkAbortException(int fields, int max) {
            return new Refusal(new ProblemException(400, "graphql-too-complex", fields, max));
        }
    }

    private static final class Cost extends MaxQueryComplexityInstrumentation {

        Cost(int max) {
            super(max, GraphQLLimits::cost);
        }

        @Override
        protected AbortExecutionException mkAbortException(int cost, int max) {
            return new Refusal(new ProblemException(400, "graphql-too-costly", cost, max));
        }
    }
}
