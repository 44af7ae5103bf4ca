package id.satupintu.platform.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorHelper;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import id.satupintu.platform.error.Failures;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.Problem;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.error.ProblemMappers;
import id.satupintu.platform.i18n.Messages;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The one translation of GraphQL errors into the API's problem vocabulary. Every result of both
 * channels passes here ({@link GraphQLEngine}), so each error leaves with the stable {@code code} and
 * the {@code status} in its extensions that a REST problem carries, a message in the caller's language
 * that names no Java class, and is logged by what it is: a client mistake at DEBUG, a server fault at
 * ERROR. graphql-java and SmallRye report the client's mistakes in their own words (a literal of the
 * wrong type is a validation error; a variable that does not coerce, or an input object JSON-B cannot
 * build, arrive as text), so the offending argument or variable is read from that text; the tests of
 * {@code GraphQLErrorsTest} pin each form.
 */
@ApplicationScoped
public class GraphQLErrors {

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);

    private static final Set<ErrorClassification> REQUEST_ERRORS = Set.of(ErrorType.InvalidSyntax,
            ErrorType.ValidationError, ErrorType.OperationNotSupported, ErrorType.ExecutionAborted);
    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");
    private static final Pattern MISSING_FIELDS = Pattern.compile("missing required fields '\\[([^\\]]*)\\]'");
    private static final Pattern MISSING_ARGUMENT = Pattern.compile("Missing field argument '([^']+)'");
    private static final Pattern VARIABLE = Pattern.compile("^Variable '([^']+)' has an invalid value");
    private static final Pattern NULL_FIELD = Pattern.compile("Field '([^']+)' has coerced Null value");
    private static final Pattern NULL_VARIABLE = Pattern.compile("Variable '[^']+' has coerced Null value");
    /** A package-qualified Java name (id.satupintu.queue.CounterInput, java.lang.String). */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*");
    /** SmallRye's message ids (SRGQL000022: ...) mean nothing to a client. */
    private static final Pattern SMALLRYE_ID = Pattern.compile("SRGQL\\d+: ?");
    /** What SmallRye's WebSocket handler answers for a failure it caught outside the engine. */
    private static final String SMALLRYE_FAILURE = "Internal server error";

    @Inject
    ProblemFactory problems;

    @Inject
    Failures failures;

    /**
     * A response SmallRye wrote without the engine (a document it cannot parse, a failure its WebSocket
     * handler caught), with its errors translated; any other response as it is.
     */
    public ExecutionResponse translated(ExecutionResponse response, String acceptLanguage) {
        ExecutionResult result = response.getExecutionResult();
        if (result == null || translated(result.getErrors())) {
            return response;
        }
        List<GraphQLError> errors = translate(result.getErrors(), Messages.negotiate(acceptLanguage));
        return new ExecutionResponse(result.transform(builder -> builder.errors(errors)));
    }

    List<GraphQLError> translate(List<GraphQLError> errors, Locale locale) {
        List<GraphQLError> translated = new ArrayList<>(errors.size());
        for (GraphQLError error : errors) {
            translated.add(translate(error, locale));
        }
        return translated;
    }

    /** Whether every error already speaks the API's vocabulary. */
    static boolean translated(List<GraphQLError> errors) {
        return errors.stream().allMatch(Translated.class::isInstance);
    }

    GraphQLError translate(GraphQLError error, Locale locale) {
        if (error instanceof Translated) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching failed) {
            return fieldFailure(failed, locale);
        }
        if (error instanceof GraphQLLimits.Refusal refusal) {
            return problem(error, refusal.problem(), locale);
        }
        if (error instanceof IntrospectionDisabledError) {
            return problem(error, new ProblemException(400, "graphql-introspection-disabled"), locale);
        }
        ProblemException mistake = requestMistake(error);
        if (mistake != null) {
            return problem(error, mistake, locale);
        }
        // None of graphql-java's: SmallRye's own answer to a document it cannot parse, or to a failure.
        if (SMALLRYE_FAILURE.equals(error.getMessage())) {
            return problem(error, new ProblemException(500, "internal-error"), locale);
        }
        return problem(error, new ProblemException(400, "graphql-syntax-error"), locale);
    }

    /**
     * What a resolver's failure is: the API's problem when it is the client's mistake, otherwise what
     * {@link Failures} says (503 for a database outage, as REST answers it, 500 for the rest).
     */
    private GraphQLError fieldFailure(ExceptionWhileDataFetching failed, Locale locale) {
        for (Throwable t = failed.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GraphQLProblem problem) {
                LOG.debugf("GraphQL %s refused: %s %s", failed.getPath(), problem.problem().code(), problem.getMessage());
                return new Translated(problem.getMessage(), failed, problem.problem());
            }
            if (t instanceof CoercingParseLiteralException || t instanceof CoercingParseValueException) {
                // SmallRye converts arguments inside the fetcher: a value its scalar cannot hold (an Int
                // over 2^31) is the client's, named by the field it was given to.
                return problem(failed, ProblemException.validation(fieldName(failed), "wrong-type"), locale);
            }
            ProblemException mistake = ProblemMappers.clientMistake(t);
            if (mistake != null) {
                return problem(failed, mistake, locale);
            }
        }
        return problem(failed, failures.problem(failed.getException(), "GraphQL " + failed.getPath()), locale);
    }

    /** A failure outside the engine (the HTTP handler's), as any door answers it. */
    ProblemException failure(Throwable failure, String where) {
        return failures.problem(failure, where);
    }

    private static String fieldName(ExceptionWhileDataFetching failed) {
        List<Object> path = failed.getPath();
        return path == null || path.isEmpty() ? "query" : String.valueOf(path.get(path.size() - 1));
    }

    private GraphQLError problem(GraphQLError error, ProblemException mistake, Locale locale) {
        Problem problem = problems.create(mistake, locale, null);
        String message = problems.message(mistake, locale);
        if (mistake.status() < 500) {
            LOG.debugf("GraphQL client error %s at %s: %s", mistake.code(), error.getPath(), error.getMessage());
        }
        return new Translated(message, error, problem);
    }

    /**
     * A request error (a document that does not fit the schema, a variable that does not coerce) as the
     * API's problem: a value of the wrong type or a missing one is {@code validation-failed} naming the
     * argument or variable, as a REST body field is named; the rest is {@code graphql-invalid-query}.
     * Null when the error is none of graphql-java's.
     */
    private static ProblemException requestMistake(GraphQLError error) {
        if (!REQUEST_ERRORS.contains(error.getErrorType())) {
            return null;
        }
        String message = error.getMessage() == null ? "" : error.getMessage();
        List<FieldError> fields = new ArrayList<>();
        if (error instanceof ValidationError validation) {
            if (validation.getValidationErrorType() == ValidationErrorType.WrongType) {
                Matcher argument = ARGUMENT.matcher(message);
                if (argument.find()) {
                    missingFields(argument.group(1), message, fields);
                    if (fields.isEmpty()) {
                        fields.add(FieldError.of(argument.group(1), "wrong-type"));
                    }
                }
            } else if (validation.getValidationErrorType() == ValidationErrorType.MissingFieldArgument
                    || validation.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument) {
                Matcher argument = (validation.getValidationErrorType() == ValidationErrorType.MissingFieldArgument
                        ? MISSING_ARGUMENT : ARGUMENT).matcher(message);
                if (argument.find()) {
                    fields.add(FieldError.of(argument.group(1), "required"));
                }
            }
        } else if (error.getErrorType() == ErrorType.ValidationError) {
            Matcher variable = VARIABLE.matcher(message);
            if (variable.find()) {
                Matcher nullField = NULL_FIELD.matcher(message);
                if (nullField.find()) {
                    fields.add(FieldError.of(variable.group(1) + "." + nullField.group(1), "required"));
                } else {
                    fields.add(FieldError.of(variable.group(1),
                            NULL_VARIABLE.matcher(message).find() ? "required" : "wrong-type"));
                }
            }
        }
        if (!fields.isEmpty()) {
            return ProblemException.validation(fields);
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return new ProblemException(400, "graphql-syntax-error");
        }
        return new ProblemException(400, "graphql-invalid-query", clean(message));
    }

    /** "argument 'input' with value ... is missing required fields '[kind, name]'": input.kind, input.name. */
    private static void missingFields(String argument, String message, List<FieldError> fields) {
        Matcher missing = MISSING_FIELDS.matcher(message);
        if (missing.find()) {
            for (String field : missing.group(1).split(",")) {
                if (!field.isBlank()) {
                    fields.add(FieldError.of(argument + "." + field.strip(), "required"));
                }
            }
        }
    }

    /** graphql-java's own words for a document error, without the Java names and ids of the layers below. */
    static String clean(String message) {
        return JAVA_NAME.matcher(SMALLRYE_ID.matcher(message).replaceAll("")).replaceAll("?");
    }

    /** The caller's language, from the Accept-Language of the request (or WebSocket upgrade) SmallRye saw. */
    static Locale locale(ExecutionInput input) {
        Object headers = input == null ? null : input.getGraphQLContext().get("httpHeaders");
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if (header.getKey() instanceof String name && name.equalsIgnoreCase("Accept-Language")) {
                    Object value = header.getValue();
                    if (value instanceof List<?> values && !values.isEmpty()) {
                        value = values.get(0);
                    }
                    return Messages.negotiate(value instanceof String text ? text : null);
                }
            }
        }
        return Messages.INDONESIAN;
    }

    /**
     * An error as the API reports it: where it happened, and in {@code extensions} only the problem's
     * {@code code}, {@code status} and field {@code errors} (no classification: a graphql-java type name).
     */
    static final class Translated implements GraphQLError {

        private final String message;
        private final List<SourceLocation> locations;
        private final List<Object> path;
        private final ErrorClassification type;
        private final Map<String, Object> extensions;

        Translated(String message, GraphQLError original, Problem problem) {
            this.message = message;
            this.locations = original.getLocations();
            this.path = original.getPath();
            this.type = original.getErrorType();
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("code", problem.code());
            map.put("status", problem.status());
            if (problem.errors() != null && !problem.errors().isEmpty()) {
                List<Map<String, String>> fields = new ArrayList<>();
                for (Problem.InvalidField field : problem.errors()) {
                    Map<String, String> one = new LinkedHashMap<>();
                    one.put("field", field.field());
                    one.put("code", field.code());
                    one.put("message", field.message());
                    fields.add(one);
                }
                map.put("errors", fields);
            }
            this.extensions = map;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        /** The original classification: it tells the HTTP layer a request error from a field error. */
        @Override
        public ErrorClassification getErrorType() {
            return type;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            if (locations != null && !locations.isEmpty()) {
                error.put("locations", GraphqlErrorHelper.locations(locations));
            }
            if (path != null) {
                error.put("path", path);
            }
            error.put("extensions", extensions);
            return error;
        }
    }
}
