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

    /**
     * The version the client read. A missing header is a 428 {@link ProblemType#PRECONDITION_REQUIRED} (RFC 6585)
     * saying what to send, the same in every service; one that is not an ETag of ours is a 400 on the header, a stale
     * one the service's 412.
     *
     * @param whatToSend where the version comes from, for the detail: "the ETag of your last GET of this customer"
     */
    public static long required(String header, String whatToSend) {
        return version(header).orElseThrow(() -> missing(whatToSend));
    }

    /** The 428 for a change sent without If-Match; {@code header} names the header for clients. */
    public static ProblemException missing(String whatToSend) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, "This change needs If-Match: send "
                + whatToSend + ", so that it is not made over someone else's").with("header", HEADER);
    }
}
