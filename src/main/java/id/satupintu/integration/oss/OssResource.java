package id.satupintu.integration.oss;

import id.satupintu.identity.TokenService;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import id.satupintu.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OSS-compatible inbound side: an OSS-style system pushes a business's permit checklist. OSS
 * itself authenticates with its {@code Token} header ({@link OssToken}); an integrator with its client
 * credentials (a bearer token). OSS's answer shape is the default; {@code ?answer=items} gives each
 * item's result.
 */
@Path("/api/v1/oss")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "oss")
public class OssResource {

    static final String ANSWER_OSS = "oss";
    static final String ANSWER_ITEMS = "items";

    @Inject
    CurrentUser currentUser;

    @Inject
    OssReceiver receiver;

    @Inject
    OssToken ossToken;

    @Inject
    TokenService tokens;

    @Inject
    Messages messages;

    @POST
    @Path("/receive-nib")
    public Uni<ReceiveNibAnswer> receiveNib(ReceiveNib message, @HeaderParam(OssToken.HEADER) String token,
                                            @QueryParam("answer") String answer, @Context HttpHeaders headers) {
        Locale locale = Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        if (answer != null && !answer.equals(ANSWER_OSS) && !answer.equals(ANSWER_ITEMS)) {
            throw ProblemException.validation("answer", "not-an-option", answer.length() <= 20 ? answer : answer.substring(0, 20) + "…");
        }
        return caller(message, token, headers.getHeaderString(HttpHeaders.AUTHORIZATION)).flatMap(caller -> receiver.receive(caller, message, locale)).map(items -> {
            boolean all = items.stream().allMatch(OssReceiver.ItemResult::ok);
            if (ANSWER_ITEMS.equals(answer)) {
                return ReceiveNibAnswer.items(all, messages.get(locale, all ? "oss-receive-nib-ok" : "oss-receive-nib-partial"),
                        message.dataNib().nib(), items);
            }
            // OSS's answer has one keterangan: the items that were not stored are named in it.
            return ReceiveNibAnswer.oss(all, all ? messages.get(locale, "oss-receive-nib-ok")
                    : messages.get(locale, "oss-receive-nib-not-stored", failed(items)));
        });
    }

    /**
     * OSS by its Token (the NIB is part of what it signs); a client by its credentials, either as
     * {@code Authorization: Basic} (client_id:client_secret, as OSS's own examples send them) or as the
     * bearer token they were exchanged for. A request with a Token header is judged by it alone.
     */
    private Uni<Caller> caller(ReceiveNib message, String token, String authorization) {
        if (token == null) {
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                    ? tokens.authenticateBasic(authorization) : currentUser.require();
        }
        String nib = message == null || message.dataNib() == null ? null : message.dataNib().nib();
        if (nib == null) {
            // The token signs the NIB: without one there is nothing to check it against.
            return Uni.createFrom().failure(ProblemException.validation("dataNIB.nib", "required"));
        }
        return ossToken.caller(token, nib);
    }

    /** The items OSS must hear about, in its one keterangan: id_izin and why. */
    private static String failed(List<OssReceiver.ItemResult> items) {
        return items.stream().filter(item -> !item.ok())
                .map(item -> item.idIzin() + " (" + item.keterangan() + ")").collect(Collectors.joining("; "));
    }
}
