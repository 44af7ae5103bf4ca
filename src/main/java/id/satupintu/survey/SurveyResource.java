package id.satupintu.survey;

import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A survey by its token: anyone holding the token reads and answers it, signed in or not (a phone that scanned
 * the slip's QR code), or a kiosk or counter tablet of the site sends it for the person in front of it.
 */
@Path("/api/v1/surveys/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
public class SurveyResource {

    @Inject
    SurveyAnswers answers;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @GET
    public Uni<Response> questionnaire(@PathParam("token") String token,
                                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return answers.questionnaire(token, Messages.negotiate(acceptLanguage))
                .map(q -> Response.ok(q).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build());
    }

    @POST
    @Path("/response")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> answer(@PathParam("token") String token, SurveyResponseInput input,
                                @Context RoutingContext routing) {
        String address = clientAddress.of(routing.request());
        return currentUser.find().flatMap(caller -> answers.answer(caller.orElse(null), token, input, address))
                .map(receipt -> Response.status(201).entity(receipt).build());
    }
}
