package id.satupintu.identity;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;

/** Sign-in (OAuth 2.0 style token endpoint) and citizen sign-up. */
@Path("/api/v1/auth")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final TokenService tokens;
    private final CitizenSignUp signUp;
    private final ClientAddress clientAddress;

    public AuthResource(TokenService tokens, CitizenSignUp signUp, ClientAddress clientAddress) {
        this.tokens = tokens;
        this.signUp = signUp;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Token: grant_type password, client_credentials (also HTTP Basic) or refresh_token")
    public Uni<Response> tokenFromForm(@RestForm("grant_type") String grantType, @RestForm String username,
                                       @RestForm String password, @RestForm("client_id") String clientId,
                                       @RestForm("client_secret") String clientSecret,
                                       @RestForm("refresh_token") String refreshToken, @RestForm String scope,
                                       @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(new TokenRequest(grantType, username, password, clientId, clientSecret, refreshToken, scope),
                authorization);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Token, with the same fields sent as JSON")
    public Uni<Response> tokenFromJson(TokenRequest request,
                                       @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(request, authorization);
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Citizen sign-up with NIK and mobile number; sign in afterwards with the NIK or username. "
            + "The answer is the same whether or not the NIK already has an account; the NIK stays unverified "
            + "until staff confirm it at a counter. Limited per client address (429 with Retry-After).")
    public Uni<Response> register(@Valid RegisterRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ProblemException.validation("body", "required");
        }
        return signUp.register(request, clientAddress.of(http))
                .map(me -> Response.created(URI.create("/api/v1/me")).entity(me).build());
    }

    private Uni<Response> answer(TokenRequest request, String authorization) {
        // RFC 6749 section 5.1: token responses must not be cached.
        return tokens.token(request, authorization).map(body -> Response.ok(body)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build());
    }
}
