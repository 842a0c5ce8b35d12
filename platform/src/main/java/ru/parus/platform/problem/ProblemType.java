package ru.parus.platform.problem;

/** The stable {@code type} URIs of Parus problems; clients and tests branch on these, never on text. */
public enum ProblemType {
    VALIDATION(400, "The request has invalid fields"),
    MALFORMED_REQUEST(400, "The request body is not valid JSON of the expected shape"),
    /** A {@code %} in the path or query not followed by two hex digits, or escapes that are not UTF-8. */
    MALFORMED_URI(400, "The request's path or query has a broken percent-escape (% and two hex digits, UTF-8)"),
    UNAUTHORIZED(401, "A valid bearer token is required"),
    FORBIDDEN(403, "Your role does not allow this"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict with the current state"),
    CONCURRENT_MODIFICATION(409, "Someone changed this meanwhile; reload and try again"),
    PRECONDITION_FAILED(412, "The version you sent is stale"),
    /** A change that needs the version it was made on came without one ({@link IfMatch#required}). */
    PRECONDITION_REQUIRED(428, "Header If-Match is required: send the ETag of your last GET of this resource"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request line is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "The request cannot be carried out"),
    HEADERS_TOO_LARGE(431, "The request headers are too large"),
    INTERNAL(500, "Internal error"),
    BAD_GATEWAY(502, "A source the request needs failed");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:parus:problem:" + name().toLowerCase().replace('_', '-');
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
