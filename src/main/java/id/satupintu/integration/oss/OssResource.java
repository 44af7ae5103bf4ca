package id.satupintu.integration.oss;

import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OSS-compatible inbound side: an OSS-style system pushes a business's permit checklist. */
@Path("/api/v1/oss")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "oss")
public class OssResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    OssReceiver receiver;

    @Inject
    Messages messages;

    @POST
    @Path("/receive-nib")
    public Uni<ReceiveNibAnswer> receiveNib(ReceiveNib message, @Context HttpHeaders headers) {
        Locale locale = Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return currentUser.require().flatMap(caller -> receiver.receive(caller, message, locale)).map(items -> {
            boolean all = items.stream().allMatch(OssReceiver.ItemResult::ok);
            return new ReceiveNibAnswer(new ReceiveNibAnswer.Body(all ? 200 : 207,
                    messages.get(locale, all ? "oss-receive-nib-ok" : "oss-receive-nib-partial"),
                    message.dataNib().nib(), items));
        });
    }
}
