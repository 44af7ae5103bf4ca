package id.satupintu.catalog;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.error.ProblemMappers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Creating a catalog object under a unique key. The look-up gives the friendly answer; the unique
 * index has the last word when two administrators race, and its violation gets the same answer
 * (the insert is flushed here so it surfaces inside the caller's transaction, not at commit).
 */
public final class CreateOnce {

    private CreateOnce() {
    }

    public static <T> Uni<T> create(Uni<Long> existing, Supplier<ProblemException> conflict, Supplier<Uni<T>> create) {
        return existing
                .flatMap(count -> count > 0
                        ? Uni.createFrom().<T>failure(conflict.get())
                        : create.get().call(created -> Panache.flush()))
                .onFailure(e -> "23505".equals(ProblemMappers.sqlState(e))).transform(e -> conflict.get());
    }

    /** A replace names its object in the path; the body may not rename it. */
    static void sameCode(String pathCode, String bodyCode) {
        if (!pathCode.equals(bodyCode)) {
            throw ProblemException.validation("code", "immutable");
        }
    }
}
