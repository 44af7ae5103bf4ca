package id.satupintu.platform.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import id.satupintu.platform.error.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link id.satupintu.platform.error.ProblemException} as GraphQL reports it: the localized detail as
 * message and, under {@code extensions}, the same stable {@code code}, the HTTP-like {@code status}
 * and the offending fields that the REST problem body carries.
 */
public class GraphQLProblem extends RuntimeException implements GraphQLError {

    private final transient Problem problem;
    private final transient Map<String, Object> extensions;

    GraphQLProblem(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", Json.createValue(problem.code()));
        map.put("status", Json.createValue(problem.status()));
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (Problem.InvalidField field : problem.errors()) {
                errors.add(Json.createObjectBuilder().add("field", field.field()).add("code", field.code())
                        .add("message", field.message()));
            }
            map.put("errors", errors.build());
        }
        this.extensions = Map.copyOf(map);
    }

    /** The problem as localized when the resolver failed; {@link GraphQLErrors} reports it. */
    Problem problem() {
        return problem;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
