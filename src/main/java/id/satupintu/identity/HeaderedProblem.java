package id.satupintu.identity;

import id.satupintu.platform.error.Problem;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.i18n.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A problem whose HTTP answer needs headers besides the body: {@code Retry-After} on a locked
 * account, {@code WWW-Authenticate} on a failed client authentication (RFC 6749 section 5.2).
 */
public class HeaderedProblem extends ProblemException {

    private final transient Map<String, String> headers;

    public HeaderedProblem(int status, String code, Map<String, String> headers, Object... args) {
        super(status, code, args);
        this.headers = Map.copyOf(headers);
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Chosen over the platform's ProblemException mapper because it matches the subclass. */
    public static class Mapper {

        @Inject
        ProblemFactory factory;

        @ServerExceptionMapper
        public Response map(HeaderedProblem e, HttpHeaders request, UriInfo uri) {
            var locale = Messages.negotiate(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                    .entity(factory.create(e, locale, uri.getPath()))
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
            e.headers().forEach(response::header);
            return response.build();
        }
    }
}
