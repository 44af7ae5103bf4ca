package id.satupintu.platform.security;

import id.satupintu.platform.error.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Scopes an API client may be granted, and the one check every feature uses for them.
 * <p>
 * Scopes limit what a <em>client</em> may do; people are governed by their role alone, so a check
 * passes for them. A client without the scope gets 403 {@code insufficient-scope} with the
 * RFC 6750 {@code WWW-Authenticate} challenge naming the scope it lacks. Call it at the start of the
 * service method (REST and GraphQL both reach it there), before any look-up, so that a client
 * without the scope learns nothing about the object.
 */
public final class Scopes {

    public static final String APPLICATIONS_READ = "applications:read";
    public static final String APPLICATIONS_WRITE = "applications:write";
    public static final String PERMITS_READ = "permits:read";
    public static final String QUEUE_ISSUE = "queue:issue";
    /** Hearing ticket events (webhooks); tickets themselves are read by their holders and staff. */
    public static final String QUEUE_READ = "queue:read";
    public static final String COMPLAINTS_WRITE = "complaints:write";
    /** Hearing complaint events (webhooks). */
    public static final String COMPLAINTS_READ = "complaints:read";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    /** Every scope an administrator may grant; anything else is refused as unknown. */
    public static final Set<String> KNOWN = Set.of(APPLICATIONS_READ, APPLICATIONS_WRITE, PERMITS_READ, QUEUE_ISSUE,
            QUEUE_READ, COMPLAINTS_WRITE, COMPLAINTS_READ, WEBHOOKS_MANAGE);

    private Scopes() {
    }

    /** The space-separated scope list of a token or a client record, in its order. */
    public static Set<String> split(String scopes) {
        Set<String> set = new LinkedHashSet<>();
        if (scopes != null) {
            Arrays.stream(scopes.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }

    /** Passes people through; fails a client that was not granted the scope with 403 insufficient-scope. */
    public static Caller require(Caller caller, String scope) {
        if (caller.client() && !caller.hasScope(scope)) {
            throw insufficient(scope);
        }
        return caller;
    }

    public static ProblemException insufficient(String scope) {
        return new ProblemException(403, "insufficient-scope", scope)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }
}
