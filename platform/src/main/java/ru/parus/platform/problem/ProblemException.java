package ru.parus.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by services to answer with a problem; the mapper turns it into the HTTP response. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    /** Null: the type's own title. */
    private String title;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /**
     * A 401 for an endpoint whose caller proves itself by another credential than a bearer token: the title names
     * that credential ("A valid HMAC-SHA256 signature (header X-Parus-Signature) is required", not the bearer
     * token of {@link ProblemType#UNAUTHORIZED}'s title), and the member {@code credential} says where it goes.
     */
    public static ProblemException unauthorized(Credential credential, String detail) {
        ProblemException e = new ProblemException(ProblemType.UNAUTHORIZED, detail);
        e.title = "A valid " + credential.describe() + " is required";
        return e.with("credential", credential.member());
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** RFC 9457's own members: an extension of the same name would overwrite them in the body. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance",
            "errors");

    /** Adds a machine-readable member to the body, e.g. the allowed choices. */
    public ProblemException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem body; name the extension otherwise");
        }
        extensions.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), title != null ? title : type.title(), type.status(), getMessage(), instance, errors,
                extensions);
    }
}
