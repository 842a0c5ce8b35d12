package ru.parus.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint's results: the items of page {@code page} (0-based) of {@code size}, and how many there
 * are in all. Services return it; a resource maps the items to its views with {@link #map}.
 */
public record Page<T>(long total, int page, int size, List<T> items) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(PageRequest request, long total, List<T> items) {
        return new Page<>(total, request.page(), request.size(), items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(total, page, size, items.stream().<R>map(view).toList());
    }
}
