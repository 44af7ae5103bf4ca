package id.satupintu.platform.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with the cursor of the next page (null on the last page). */
// Serialized by Conditional through ObjectMapper, out of Quarkus' sight: registered by hand for native.
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from rows fetched with limit + 1: the extra row only tells that another page exists.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
