package ru.parus.platform.problem;

import java.util.Optional;

/**
 * Reads the entity version from an {@code If-Match} header (ARCHITECTURE.md: ETag on reads, If-Match on
 * changes). Services put the entity's version in the ETag, so {@code "3"}, {@code W/"3"} and {@code 3} all
 * name version 3; anything else is no ETag of ours and a validation problem on the header.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The version the client read, or empty when it sent no If-Match. */
    public static Optional<Long> version(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(HEADER, "not an ETag of this service (e.g. \"3\"): " + header);
        }
    }

    /** The version the client read; a missing header is a validation problem saying what to send. */
    public static long required(String header, String whatToSend) {
        return version(header).orElseThrow(() -> ProblemException.invalidField(HEADER, "required: " + whatToSend));
    }
}
