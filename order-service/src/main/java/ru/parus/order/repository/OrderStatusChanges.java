package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.platform.sse.ChangeFeed;

/**
 * An order's status changes as its screen follows them (issue 14, R6): the rows of {@code order_history} that move
 * the status (placement and transitions). Read through platform's {@link ChangeFeed}: in (writing transaction, id)
 * order and only from finished transactions (V60; rows older than V60 have no tx and count as 0, long finished), so a
 * reader never passes a change that commits later; any replica reads every replica's.
 */
@ApplicationScoped
public class OrderStatusChanges {
    private static final String ROWS = """
            SELECT id, coalesce(tx, 0) AS tx, kind, from_status, to_status, at
              FROM order_history
             WHERE order_id = ? AND to_status IS NOT NULL""";

    @Inject
    DataSource db;

    /** Where a reader stands: after the history row {@code id} of the transaction {@code tx}. */
    public record Cursor(long tx, long id) {
        static Cursor of(ChangeFeed.Cursor c) {
            return new Cursor(c.tx(), c.id());
        }
    }

    /** One status change, as the stream shows it: no terms, no personal data (R24). */
    public record Change(long id, UUID orderId, String kind, String fromStatus, String status, OffsetDateTime changedAt) {
    }

    /** The changes read and where the next read starts. */
    public record Batch(List<Change> changes, Cursor next) {
    }

    /** From now on: every transaction not finished yet is ahead of the cursor. */
    public Cursor now() {
        return Cursor.of(ChangeFeed.now(db));
    }

    /** Right after the order's history row {@code id} (a Last-Event-ID); from now when the order has no such row. */
    public Cursor after(UUID orderId, long id) {
        return Cursor.of(ChangeFeed.after(db, id,
                "SELECT coalesce(tx, 0) FROM order_history WHERE id = ? AND order_id = ?", id, orderId));
    }

    /** Up to {@code limit} status changes of the order after {@code from}. */
    public Batch read(UUID orderId, Cursor from, int limit) {
        ChangeFeed.Batch<Change> batch = ChangeFeed.read(db, new ChangeFeed.Cursor(from.tx(), from.id()), limit, ROWS,
                r -> new Change(r.getLong("id"), orderId, r.getString("kind"), r.getString("from_status"),
                        r.getString("to_status"), r.getObject("at", OffsetDateTime.class)),
                orderId);
        return new Batch(batch.changes(), Cursor.of(batch.next()));
    }
}
