package ru.parus.platform.paging;

import ru.parus.platform.problem.ProblemException;

/**
 * A list endpoint's {@code page} (0-based) and {@code size}, checked once for every service: a negative page or a size
 * outside 1..max is a validation problem naming the parameter (with {@code maxPageSize}), never a 500 or a silent
 * clamp.
 */
public record PageRequest(int page, int size) {
    /**
     * @param page        as sent, null for the first page
     * @param size        as sent, null for {@code defaultSize}
     * @param defaultSize the size when none is sent
     * @param maxSize     the largest size allowed
     */
    public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? Math.min(defaultSize, maxSize) : size;
        if (p < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (s < 1 || s > maxSize) {
            throw ProblemException.invalidField("size", "must be 1.." + maxSize).with("maxPageSize", maxSize);
        }
        return new PageRequest(p, s);
    }

    /** The rows to skip. */
    public long offset() {
        return (long) page * size;
    }
}
