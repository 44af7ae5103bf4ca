package id.satupintu.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a REST call leaves as application/problem+json. Client mistakes get a 4xx with
 * the offending fields; anything else is answered as {@link Failures} says (503 for a database outage,
 * a logged 500 that leaks nothing otherwise).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ErrorAnswers answers;

    @Inject
    Failures failures;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        return respond(clientMistake(e), headers, uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        LOG.debugf("unreadable JSON body on %s: %s", uri.getPath(), e.getOriginalMessage());
        ProblemException problem;
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            problem = new ProblemException(400, "malformed-json");
        } else {
            String field = path(mapping);
            String code = e instanceof RefusedValueException refused ? refused.code()
                    : e instanceof UnrecognizedPropertyException ? "unknown-field"
                    : e instanceof InvalidFormatException || e instanceof MismatchedInputException ? "wrong-type"
                    : "invalid";
            if (field.isEmpty()) {
                problem = new ProblemException(400, "malformed-json");
            } else {
                problem = ProblemException.validation(field, code,
                        e instanceof RefusedValueException refused ? refused.args() : new Object[0]);
            }
        }
        return respond(problem, headers, uri);
    }

    /** Overrides Quarkus' own mapper for this type, which answers in a shape of its own. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemException.forbidden(), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, headers, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
            // JAX-RS answers 404 when a query parameter does not convert; for an API that is a bad request.
            return respond(new ProblemException(400, "invalid-parameter"), headers, uri);
        }
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        String code = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Response response = respond(new ProblemException(status, code), headers, uri);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        return respond(failures.problem(e, uri.getPath()), headers, uri);
    }

    /**
     * The client mistake behind a failure, for every door (REST, GraphQL, Open311) alike; null for
     * a server fault, which {@link Failures} answers.
     */
    public static ProblemException clientMistake(Throwable e) {
        if (e instanceof ProblemException problem) {
            return problem;
        }
        if (e instanceof AuthenticationFailedException || e instanceof UnauthorizedException) {
            // An invalid or expired token: the same 401 REST answers (GraphQL reads identities lazily too),
            // or none where @RolesAllowed wants one.
            return new ProblemException(401, "unauthorized");
        }
        if (e instanceof ForbiddenException) {
            return ProblemException.forbidden();
        }
        if (e instanceof ConstraintViolationException invalid) {
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : invalid.getConstraintViolations()) {
                errors.add(toFieldError(v));
            }
            errors.sort((a, b) -> a.field().compareTo(b.field()));
            return ProblemException.validation(errors);
        }
        String state = sqlState(e);
        if ("23505".equals(state)) {
            // Two requests raced to create the same thing; the loser learns it exists.
            return ProblemException.conflict("conflict");
        }
        if (state != null && state.startsWith("22")) {
            // Data exceptions (a NUL character in text, a number out of range) come from the client's values.
            return new ProblemException(400, "invalid-input");
        }
        return null;
    }

    /** The SQLSTATE of the database error behind a failure, if there is one. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
        }
        return null;
    }

    private Response unauthorized(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(respond(new ProblemException(401, "unauthorized"), headers, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response respond(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return answers.response(e, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), uri.getPath());
    }

    private static final Map<String, String> CONSTRAINT_CODES = Map.ofEntries(
            Map.entry("NotNull", "required"), Map.entry("NotBlank", "required"), Map.entry("NotEmpty", "required"),
            Map.entry("Size", "size"), Map.entry("Pattern", "invalid-format"), Map.entry("Email", "invalid-email"),
            Map.entry("Min", "min"), Map.entry("Max", "max"), Map.entry("Positive", "positive"),
            Map.entry("PositiveOrZero", "positive-or-zero"), Map.entry("DecimalMin", "min"),
            Map.entry("DecimalMax", "max"), Map.entry("Past", "past"), Map.entry("Future", "future"));

    static FieldError toFieldError(ConstraintViolation<?> v) {
        var descriptor = v.getConstraintDescriptor();
        String annotation = descriptor.getAnnotation().annotationType().getSimpleName();
        String code = CONSTRAINT_CODES.getOrDefault(annotation, "invalid");
        Map<String, Object> attrs = descriptor.getAttributes();
        Object[] args = switch (code) {
            case "size" -> new Object[] {attrs.get("min"), attrs.get("max")};
            case "min", "max" -> new Object[] {attrs.get("value")};
            default -> new Object[0];
        };
        return FieldError.of(fieldName(v.getPropertyPath()), code, args);
    }

    /** Drops the method and parameter nodes so the client sees the JSON field path it sent. */
    private static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && name.length() > 0) {
                name.append('[').append(node.getIndex()).append(']');
            }
            // A constraint on a list element (List<@NotBlank String>) ends at the index, not at "<list element>".
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.length() > 0 ? name.toString() : parameter == null ? "body" : parameter;
    }

    private static String path(JsonMappingException e) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}
