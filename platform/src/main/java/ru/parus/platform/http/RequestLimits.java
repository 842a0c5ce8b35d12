package ru.parus.platform.http;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemType;

/**
 * Limits the HTTP layer judges from the request line and headers alone, answered as problems: 414 for a request
 * line over {@code parus.http.limits.max-request-line}, 431 for headers over {@code parus.http.limits.max-header-size},
 * 413 for a declared {@code Content-Length} over {@code quarkus.http.limits.max-body-size}. They come before
 * authentication, as Vert.x's own would: nothing of the request has been read or matched yet.
 * <p>
 * Vert.x answers these itself, without a body: platform raises its limits for the request line and headers
 * (microprofile-config.properties) so that such requests reach this filter, and this filter runs before Quarkus's
 * upload limit (route order -2). A body sent without {@code Content-Length} (chunked) is read here up to the limit
 * and handed on as the request's body; one that grows over it is a 413 problem too. Above Vert.x's own limits for
 * the request line and headers (64K, 128K) Vert.x still answers by itself with a bare 414 or 431: Quarkus offers no
 * hook for a request its HTTP codec refused (quarkusio/quarkus#55082).
 */
@Singleton
public class RequestLimits {
    /** Filters run highest first, at route order {@code -priority}: before Quarkus's upload limit (-2) and CORS. */
    static final int PRIORITY = 100_000;
    private static final int SEPARATORS = 2; // ": " between a header's name and value; a space before the version

    @Inject
    HttpConfig config;
    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        long maxBody = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        int maxLine = config.limits().maxRequestLine();
        long maxHeaders = config.limits().maxHeaderSize().asLongValue();
        filters.register(rc -> check(rc, maxLine, maxHeaders, maxBody), PRIORITY);
    }

    private void check(RoutingContext rc, int maxLine, long maxHeaders, long maxBody) {
        HttpServerRequest request = rc.request();
        long line = request.method().name().length() + SEPARATORS + request.uri().length() + "HTTP/1.1".length();
        if (line > maxLine) {
            // no instance: the path may be what is too long
            refuse(rc, ProblemType.URI_TOO_LONG, "The request line has " + line + " characters; at most " + maxLine
                    + " are accepted. Send long criteria in a body, or fewer of them", null, Map.of("maxLength", maxLine));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + SEPARATORS + header.getValue().length();
        }
        if (headers > maxHeaders) {
            refuse(rc, ProblemType.HEADERS_TOO_LARGE, "The headers have " + headers + " characters; at most " + maxHeaders
                    + " are accepted", rc.normalizedPath(), Map.of("maxLength", maxHeaders));
            return;
        }
        Optional<Long> length = contentLength(request);
        if (length.isPresent() && length.get() > maxBody) {
            refuse(rc, ProblemType.PAYLOAD_TOO_LARGE, "The body has " + length.get() + " bytes; at most " + maxBody
                    + " are accepted", rc.normalizedPath(), Map.of("maxBytes", maxBody));
            return;
        }
        if (length.isEmpty() && chunked(request) && maxBody < Long.MAX_VALUE) {
            readWithin(rc, maxBody);
            return;
        }
        rc.next();
    }

    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return request.version() != HttpVersion.HTTP_2 && encoding != null
                && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /**
     * A chunked body declares no length: it is read here, up to the limit, and handed on as the request's body (which
     * RESTEasy then reads instead of the connection); one byte more is a 413 problem, and the rest is not read. Without
     * this, Quarkus would cut such a body off while the resource reads it, with a bare 413.
     */
    private void readWithin(RoutingContext rc, long maxBody) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > maxBody) {
                refused[0] = true;
                refuse(rc, ProblemType.PAYLOAD_TOO_LARGE, "The body has more than " + maxBody + " bytes; at most "
                        + maxBody + " are accepted", rc.normalizedPath(), Map.of("maxBytes", maxBody));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> {
            if (!refused[0]) {
                refused[0] = true;
                rc.fail(failure);
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                rc.setBody(body);
                rc.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue();
        }
        request.resume();
    }

    private static Optional<Long> contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // Vert.x refuses a malformed length itself
        }
    }

    /** Answers and closes the connection: the rest of the request (a body, perhaps a large one) is not read. */
    private void refuse(RoutingContext rc, ProblemType type, String detail, String instance, Map<String, Object> extensions) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, null, extensions);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse response = rc.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (rc.request().version() != HttpVersion.HTTP_2) { // an HTTP/2 connection carries other requests too
            response.putHeader(HttpHeaders.CONNECTION, "close").endHandler(v -> rc.request().connection().close());
        }
        response.end(body);
    }
}
