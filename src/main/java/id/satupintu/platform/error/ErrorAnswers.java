package id.satupintu.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.i18n.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place an error becomes bytes on the wire: problem+json, or the shape of the protocol that owns
 * the path ({@link ErrorShape}). The REST layer answers through {@link #response}, the HTTP edge (what
 * Vert.x refuses before any resource runs) through {@link #send}, so both speak alike on every path.
 */
@ApplicationScoped
public class ErrorAnswers {

    @Inject
    ProblemFactory problems;

    @Inject
    ObjectMapper mapper;

    @Inject
    Instance<ErrorShape> shapes;

    private volatile List<ErrorShape> known;

    public ErrorShape.Rendered render(ProblemException problem, Locale locale, String path) {
        String safePath = path == null ? "" : path;
        for (ErrorShape shape : shapes()) {
            if (shape.owns(safePath)) {
                return shape.render(problem, locale, safePath);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>(problem.headers());
        headers.put(HttpHeaders.CONTENT_LANGUAGE.toString(), locale.getLanguage());
        try {
            byte[] body = mapper.writeValueAsBytes(problems.create(problem, locale, safePath));
            return new ErrorShape.Rendered(problem.status(), Problem.MEDIA_TYPE, body, headers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JAX-RS answer, for exception mappers. */
    public Response response(ProblemException problem, String acceptLanguage, String path) {
        ErrorShape.Rendered rendered = render(problem, Messages.negotiate(acceptLanguage), path);
        Response.ResponseBuilder response = Response.status(rendered.status()).entity(rendered.body())
                .type(rendered.contentType());
        rendered.headers().forEach(response::header);
        return response.build();
    }

    /**
     * Answers a Vert.x request directly, before or instead of any resource. {@code close}: the request's
     * body may still be arriving unread, so the connection cannot carry another request.
     */
    public void send(RoutingContext ctx, ProblemException problem, boolean close) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Locale locale = Messages.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ErrorShape.Rendered rendered = render(problem, locale, ctx.request().path());
        response.setStatusCode(rendered.status()).putHeader(HttpHeaders.CONTENT_TYPE, rendered.contentType());
        rendered.headers().forEach(response::putHeader);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(io.vertx.core.buffer.Buffer.buffer(rendered.body()));
    }

    private List<ErrorShape> shapes() {
        List<ErrorShape> list = known;
        if (list == null) {
            list = shapes.stream().toList();
            known = list;
        }
        return list;
    }
}
