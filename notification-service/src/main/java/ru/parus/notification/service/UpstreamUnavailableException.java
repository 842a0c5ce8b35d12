package ru.parus.notification.service;

/**
 * A document a request needs could not be fetched from its host (no answer, an error status, a broken transfer):
 * the manager gets a 502 problem and nothing is queued. ({@code ProblemType} has no 502 kind; the rest package maps
 * this one to {@code urn:parus:problem:bad-gateway}.)
 */
public class UpstreamUnavailableException extends RuntimeException {
    private final String field;

    public UpstreamUnavailableException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request field (JSON path) whose document failed, e.g. {@code catalogueAttachments[0]}. */
    public String field() {
        return field;
    }
}
