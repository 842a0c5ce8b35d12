package ru.parus.platform.outbox;

import java.util.Map;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context carried by an outbox row: taken from the current span when the event is written, turned
 * back into an OpenTelemetry {@link Context} when the relay sends it from its own thread.
 */
public final class TraceContext {
    /** The header name of W3C Trace Context, also the outbox column's name. */
    public static final String TRACEPARENT = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or {@code null} without a valid span. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The context whose remote parent is this traceparent; {@code null} for {@code null} or a malformed value. */
    public static Context parent(String traceparent) {
        if (!valid(traceparent)) {
            return null;
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                GETTER);
        return Span.fromContext(context).getSpanContext().isValid() ? context : null;
    }

    public static boolean valid(String traceparent) {
        return traceparent != null && FORMAT.matcher(traceparent).matches();
    }
}
