package ru.parus.platform.sse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import ru.parus.platform.problem.ProblemException;

/**
 * A server-sent-events stream that polls a change table: a comment at once (the stream is open), then every
 * {@code pollEvery} one read on a worker thread from where the last one stopped, each change an event; a comment
 * after {@code heartbeatEvery} without one, so proxies keep the connection. Reads are one at a time per stream; the
 * stream ends when the client goes away.
 */
public final class PollingSse {
    private static final Logger LOG = Logger.getLogger(PollingSse.class);

    /** The events of one read and where the next read starts. */
    public record Page<C>(List<OutboundSseEvent> events, C next) {
    }

    private PollingSse() {
    }

    public static <C> Multi<OutboundSseEvent> stream(Sse sse, C start, Duration pollEvery, Duration heartbeatEvery,
            Function<C, Page<C>> read) {
        AtomicReference<C> cursor = new AtomicReference<>(start);
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        Multi<OutboundSseEvent> changes = Multi.createFrom().ticks().startingAfter(pollEvery).every(pollEvery)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(() -> {
                    Page<C> page = read.apply(cursor.get());
                    cursor.set(page.next());
                    long now = System.nanoTime();
                    if (!page.events().isEmpty()) {
                        lastSent.set(now);
                        return page.events();
                    }
                    if (now - lastSent.get() >= heartbeatEvery.toNanos()) {
                        lastSent.set(now);
                        return List.of(comment(sse, "keep-alive"));
                    }
                    return List.<OutboundSseEvent> of();
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onItem().<OutboundSseEvent> disjoint()
                .onFailure().invoke(e -> LOG.warnf(e, "a change stream failed at %s; the client reconnects", cursor.get()));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(comment(sse, "open")), changes);
    }

    public static OutboundSseEvent comment(Sse sse, String text) {
        return sse.newEventBuilder().comment(text).build();
    }

    /** The id to resume after: the {@code Last-Event-ID} header (a reconnecting EventSource), else the query parameter. */
    public static Long lastEventId(String header, String query) {
        String value = header != null && !header.isBlank() ? header : query;
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("Last-Event-ID", "must be the id of an event of this stream");
        }
    }
}
