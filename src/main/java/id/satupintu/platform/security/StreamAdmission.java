package id.satupintu.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who may follow one resource's {@link GuardedStream} endpoint, as a bean of the feature that owns it.
 * It answers with what the endpoint will serve (the stream's name, the file to send), or fails with the
 * problem to answer instead. The rule itself stays in the feature's service; an admission only reads
 * the request's path or headers and calls it.
 */
public interface StreamAdmission {

    /** The resource class whose {@link GuardedStream} endpoint this admits to. */
    Class<?> resource();

    /**
     * @param caller  the signed-in caller, or null for an anonymous request (see {@link CurrentUser#signedIn})
     * @param request the request, for its path parameters and headers
     */
    Uni<?> admit(Caller caller, ContainerRequestContext request);
}
