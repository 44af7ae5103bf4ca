package id.satupintu.survey;

import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The survey a counter tablet shows: the ticket its counter has just finished (204 while there is none). */
@Path("/api/v1/counters/{counterId}/survey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
public class CounterSurveyResource {

    @Inject
    CounterSurveys surveys;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed("**")
    @Operation(summary = "The survey of the ticket the counter finished last, for a counter tablet of its site; 204 when none")
    public Uni<Response> current(@PathParam("counterId") String counterId,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return currentUser.require()
                .flatMap(caller -> surveys.current(caller, counterId, Messages.negotiate(acceptLanguage)))
                .map(survey -> (survey.isPresent() ? Response.ok(survey.get()) : Response.noContent())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
