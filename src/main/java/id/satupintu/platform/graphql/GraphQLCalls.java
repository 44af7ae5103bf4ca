package id.satupintu.platform.graphql;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.error.ProblemMappers;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * How GraphQL resolvers call services.
 * <p>
 * graphql-java resolves sibling fields concurrently on the request's Vert.x context, and Panache keeps
 * the Hibernate Reactive session in that context: two resolvers would share one session at the same
 * time (quarkus#32870). {@link #run} gives each resolver a fresh duplicated context on the same event
 * loop, so {@code @WithSession}/{@code @WithTransaction} open a session of its own, and turns a
 * {@link ProblemException} into a {@link GraphQLProblem} in the caller's language.
 */
@ApplicationScoped
public class GraphQLCalls {

    @Inject
    ProblemFactory problems;

    @Inject
    CurrentVertxRequest request;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    CurrentUser currentUser;

    /**
     * Who calls: the token's subject (a user or API-client id). Authentication is lazy, so the identity
     * is read without blocking the event loop (injecting JsonWebToken here would block).
     */
    public Uni<String> callerId() {
        return identity.getDeferredIdentity().map(caller -> caller.getPrincipal() instanceof JsonWebToken jwt
                ? jwt.getSubject() : caller.getPrincipal().getName());
    }

    /** The language the client asked for with Accept-Language; Indonesian by default. */
    public Locale locale() {
        if (!Arc.container().requestContext().isActive()) {
            return Messages.INDONESIAN;
        }
        RoutingContext current = request.getCurrent();
        return Messages.negotiate(current == null ? null : current.request().getHeader("Accept-Language"));
    }

    /**
     * Runs work for the signed-in caller; an anonymous request fails with the REST API's 401. The one
     * way resolvers learn who calls: the identity is read in a context of its own (its failure, an
     * invalid or expired token, becomes the same problem REST answers), then the work starts afresh in
     * another, so its session and validation belong to this resolver alone.
     */
    public <T> Uni<T> asCaller(Function<Caller, Uni<T>> work) {
        return asAnyone(caller -> {
            if (caller == null) {
                throw new ProblemException(401, "unauthorized");
            }
            return work.apply(caller);
        });
    }

    /** As {@link #asCaller}, for a caller who must hold one of roles (403 otherwise). */
    public <T> Uni<T> asRole(Function<Caller, Uni<T>> work, String... roles) {
        return asCaller(caller -> {
            if (!caller.hasAnyRole(roles)) {
                throw ProblemException.forbidden();
            }
            return work.apply(caller);
        });
    }

    /** As {@link #asCaller}, where anonymous callers are allowed too: the work gets null for them. */
    public <T> Uni<T> asAnyone(Function<Caller, Uni<T>> work) {
        Uni<Optional<Caller>> identity = currentUser.find();
        return run(() -> identity).flatMap(caller -> run(() -> work.apply(caller.orElse(null))));
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        Locale locale = locale();
        Uni<T> isolated = isolated(work);
        return isolated.onFailure(e -> asProblem(e) != null).transform(e -> {
            ProblemException problem = asProblem(e);
            return new GraphQLProblem(problems.create(problem, locale, null), problems.message(problem, locale));
        });
    }

    /** The client mistake behind a failure, as REST's ProblemMappers would see it; null for a server fault. */
    private static ProblemException asProblem(Throwable e) {
        return ProblemMappers.clientMistake(e);
    }

    /**
     * Runs the work on a duplicated context of its own. The request context (who calls, request-scoped
     * beans) lives in the duplicated context's local data, so it is carried over explicitly.
     */
    private static <T> Uni<T> isolated(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().<T>deferred(work::get);
        }
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState state = requestContext.isActive() ? requestContext.getState() : null;
        Context own = VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().emitter(emitter -> own.runOnContext(ignored -> {
            if (state != null) {
                // Not deactivated afterwards: callbacks of the work still run here later. The state is
                // owned, and destroyed, by the request itself.
                requestContext.activate(state);
            }
            Uni.createFrom().<T>deferred(work::get).subscribe().with(emitter::complete, emitter::fail);
        }));
    }
}
