package id.satupintu.platform.graphql;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemFactory;
import id.satupintu.platform.error.ProblemMappers;
import id.satupintu.platform.i18n.Messages;
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
