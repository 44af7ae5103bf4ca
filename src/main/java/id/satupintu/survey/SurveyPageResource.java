package id.satupintu.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.platform.web.PageTemplate;
import id.satupintu.queue.QueueCounters;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The survey's two pages, one file for both: {@code /survei/{token}}, which a phone opens from the QR code on a
 * slip, and {@code /survei/loket/{counterId}}, the counter tablet's. The page reads the questionnaire from the
 * API and answers through it; what it is given here is only which survey or counter it is about.
 */
@Path("/survei")
@Tag(name = "surveys")
public class SurveyPageResource {

    /** The page; its data goes where {@code __SURVEY_DATA__} stands. */
    private static final PageTemplate PAGE = PageTemplate.load("survey/page.html", "__SURVEY_DATA__");

    /** How often the tablet asks for the survey of its counter: soon after a ticket is finished, it shows. */
    static final int TABLET_POLL_SECONDS = 3;

    @Inject
    QueueCounters counters;

    @Inject
    ObjectMapper mapper;

    /** What the page's script reads: the mode, and the token (phone) or the counter (tablet); shown as text only. */
    @RegisterForReflection
    record PageData(String mode, String token, String counterId, Integer counterNumber, String counterName,
                    Integer pollSeconds) {
    }

    /**
     * Any token is given its page, which asks the API and says "not found" for one nobody was given: the
     * token reaches the page as JSON data only, so whatever the path holds cannot become part of the page.
     */
    @GET
    @Path("/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The survey page a phone opens from the QR code (HTML)")
    public Uni<Response> phone(@PathParam("token") String token) {
        return Uni.createFrom().item(() -> page(new PageData("phone", token, null, null, null, null)));
    }

    /** The counter must exist (404 otherwise); who may see its surveys is decided by the API the page calls. */
    @GET
    @Path("/loket/{counterId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The counter tablet's survey page (HTML); it signs in as a device client from its fragment")
    public Uni<Response> tablet(@PathParam("counterId") String counterId) {
        return counters.find(counterId).map(counter -> page(new PageData("tablet", null, counter.id().toString(),
                counter.number(), counter.name(), TABLET_POLL_SECONDS)));
    }

    private Response page(PageData data) {
        return PAGE.ok(mapper, data).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
