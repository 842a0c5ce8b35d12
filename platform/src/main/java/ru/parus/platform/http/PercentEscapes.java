package ru.parus.platform.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemType;

/**
 * A broken percent-escape in the path or query ({@code /customers?q=%zz}, a {@code %} at the end of a segment, escapes
 * that are no UTF-8) is a 400 {@code urn:parus:problem:malformed-uri}, judged from the raw request target before
 * anything decodes it.
 * <p>
 * Vert.x Web's router decodes the path while matching routes that have one ({@code RoutingContextImplBase.iterateNext}
 * turns an {@code IllegalArgumentException} into {@code fail(400)}), and {@code RoutingContext.queryParams()} throws
 * {@code HttpException(400)} on a query it cannot decode. This is a filter without a path, so matching it decodes
 * nothing; it runs right after {@link RequestLimits} (a request line too long is judged first) and before every
 * route with a path, authentication included.
 * <p>
 * Quarkus' root request handler ({@code VertxHttpRecorder.ACTUAL_ROOT}) parses the target with {@code java.net.URI}
 * before any filter and answers a bare 400 for one it refuses ({@code ?q=%zz}), unless the JVM runs with
 * {@code -Dvertx.disableURIValidation=true}. Every JVM that runs a service sets it (the image's entrypoint,
 * {@code ./parus}, system-tests, surefire), and {@link #notAUri} makes the same check here, answered as a problem.
 */
@Singleton
public class PercentEscapes {
    /** Below {@link RequestLimits#PRIORITY}: filters run highest first, at route order {@code -priority}. */
    static final int PRIORITY = RequestLimits.PRIORITY - 1;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext rc) {
        String uri = rc.request().uri();
        Broken broken = broken(uri);
        if (broken == null) {
            broken = notAUri(uri);
        }
        if (broken == null) {
            rc.next();
            return;
        }
        ProblemType type = ProblemType.MALFORMED_URI;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), broken.detail()
                + "; encode a literal % as %25 and other characters as the percent-escapes of their UTF-8 bytes",
                null, null, Map.of("part", broken.part(), "escape", broken.escape()));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // no instance: the path is what is broken
        rc.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    /**
     * What is wrong with the escapes of a request target (path and query, as sent), or null when each {@code %} is
     * followed by two hex digits and every run of escapes decodes as UTF-8 (the charset Vert.x and RESTEasy decode
     * with). The fragment is never sent; anything else in the target is left to the router.
     */
    static Broken broken(String target) {
        if (target == null || target.indexOf('%') < 0) {
            return null;
        }
        int query = target.indexOf('?');
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int runStart = -1;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || hex(target.charAt(i + 1)) < 0 || hex(target.charAt(i + 2)) < 0) {
                    String escape = target.substring(i, Math.min(i + 3, target.length()));
                    return new Broken(part(i, query), escape, "'" + escape + "' in the " + part(i, query)
                            + " (character " + (i + 1) + " of the request target) is not a percent-escape "
                            + "(% and two hex digits)");
                }
                if (runStart < 0) {
                    runStart = i;
                }
                run.write(hex(target.charAt(i + 1)) * 16 + hex(target.charAt(i + 2)));
                i += 2;
                continue;
            }
            if (runStart >= 0) {
                Broken wrong = notUtf8(run, target, runStart, i, query);
                if (wrong != null) {
                    return wrong;
                }
                run.reset();
                runStart = -1;
            }
        }
        return runStart >= 0 ? notUtf8(run, target, runStart, target.length(), query) : null;
    }

    private static Broken notUtf8(ByteArrayOutputStream run, String target, int start, int end, int query) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(run.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            String escape = target.substring(start, end);
            return new Broken(part(start, query), escape, "'" + escape + "' in the " + part(start, query) + " (character "
                    + (start + 1) + " of the request target) does not decode as UTF-8");
        }
    }

    /**
     * The services run with {@code -Dvertx.disableURIValidation=true}, so that a target {@code java.net.URI} refuses
     * reaches this filter instead of Quarkus' bare 400; this is that check, answered as a problem.
     */
    static Broken notAUri(String target) {
        try {
            new java.net.URI(target);
            return null;
        } catch (java.net.URISyntaxException e) {
            int at = Math.max(0, Math.min(e.getIndex(), target.length() - 1));
            String character = target.isEmpty() ? "" : target.substring(at, at + 1);
            return new Broken(part(at, target.indexOf('?')), character, "'" + character + "' in the "
                    + part(at, target.indexOf('?')) + " (character " + (at + 1) + " of the request target) is not "
                    + "allowed in a URI unescaped");
        }
    }

    /** What is broken: in the {@code path} or the {@code query}, the escape as sent, and a sentence for people. */
    record Broken(String part, String escape, String detail) {
    }

    private static String part(int index, int query) {
        return query >= 0 && index > query ? "query" : "path";
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
