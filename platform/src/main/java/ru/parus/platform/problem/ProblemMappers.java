package ru.parus.platform.problem;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves a service as {@code application/problem+json} (RFC 9457). Client mistakes get
 * 4xx with a stable type; only a fault of ours is a 500, and it shows no internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.size() + " field(s) invalid: "
                + String.join(", ", errors.stream().map(Problem.FieldError::field).toList());
        return respond(ProblemType.VALIDATION, detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST, "Malformed JSON: " + e.getOriginalMessage(), uri, List.of());
    }

    /** Listed with its subclass: Quarkus has a built-in mapper for MismatchedInputException that answers with no body. */
    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class })
    public Response wrongJsonShape(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String detail = "Cannot read " + (field.isEmpty() ? "the body" : "'" + field + "'") + ": " + e.getOriginalMessage();
        return respond(ProblemType.MALFORMED_REQUEST, detail, uri,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "wrong type or format")));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(ProblemType.NOT_FOUND, "No resource at " + path(uri), uri, List.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        return respond(ProblemType.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on " + path(uri), uri,
                List.of());
    }

    /** The detail and {@code consumes} name the media types the endpoint takes (text/csv for an import, say). */
    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri, Request request, HttpHeaders headers) {
        Set<String> consumes = ConsumedMediaTypes.of(request.getMethod(), path(uri));
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String detail = (sent == null ? "This body's media type" : "Content-Type " + sent) + " is not taken here"
                + (consumes.isEmpty() ? "" : "; send the body as " + String.join(" or ", consumes));
        ProblemType type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, path(uri), List.of(),
                consumes.isEmpty() ? null : Map.of("consumes", List.copyOf(consumes)));
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(ProblemType.NOT_ACCEPTABLE, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED,
                "Send a valid bearer token in the Authorization header", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role does not allow " + path(uri), uri, List.of());
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentModification(RuntimeException e, UriInfo uri) {
        return respond(ProblemType.CONCURRENT_MODIFICATION, "The resource was changed by someone else meanwhile",
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 428 -> ProblemType.PRECONDITION_REQUIRED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.MALFORMED_REQUEST;
        };
        Problem p = new Problem(type.uri(), type.title(), status, e.getMessage(), path(uri), List.of(), null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e, UriInfo uri) {
        SQLException sql = sqlCause(e);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
            // the database refused a value the request carried (too long, out of range, U+0000 in a text):
            // the request's fault, and the transaction rolled back, so nothing was half-stored
            LOG.infof("request at %s refused by the database: SQLState %s", path(uri), sql.getSQLState());
            return respond(ProblemType.VALIDATION, "A value cannot be stored: too long, out of range, or with a "
                    + "character that is not allowed (such as U+0000)", uri, List.of());
        }
        if (sql != null) {
            // R24: the database's messages quote the values (a phone in a unique violation): state and place only
            LOG.errorf("unexpected database error at %s: SQLState %s, %s at %s", path(uri), sql.getSQLState(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        } else {
            LOG.errorf(e, "unexpected error at %s", path(uri));
        }
        return respond(ProblemType.INTERNAL, "An internal error occurred; it has been logged", uri, List.of());
    }

    /** SQLState class 22: data exception (PostgreSQL: string too long, numeric out of range, invalid byte sequence). */
    private static final String DATA_EXCEPTION_CLASS = "22";

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, path(uri), errors, null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code create.request.lines[0].quantity} (method, parameter, bean path) becomes {@code lines[0].quantity}. */
    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> {
                    if (i == nodes.size() - 1) {
                        out.append(node.getName()); // a query or path parameter keeps its own name
                    }
                }
                default -> {
                    if (node.isInIterable()) {
                        out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (out.length() > 0) {
                            out.append('.');
                        }
                        out.append(node.getName());
                    }
                }
            }
        }
        return out.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
