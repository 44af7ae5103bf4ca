package id.satupintu.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who may follow a resource's {@link GuardedStream} endpoint (one such endpoint per resource class): the
 * resource answers with what the endpoint will serve (the stream's name, the file to send), or fails
 * with the problem to answer instead. The rule itself stays in the feature's service; this only reads
 * the request's path or headers and calls it.
 */
public interface StreamAdmission {

    /**
     * @param caller  the signed-in caller, or null for an anonymous request
     * @param request the request, for its path parameters and headers
     */
    Uni<?> admit(Caller caller, ContainerRequestContext request);
}
