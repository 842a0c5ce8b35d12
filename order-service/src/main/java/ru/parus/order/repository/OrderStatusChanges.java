package ru.parus.order.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An order's status changes as its screen follows them (issue 14, R6): the rows of {@code order_history} that move
 * the status (placement and transitions). Read in (writing transaction, id) order and only from finished
 * transactions (V60), so a reader never passes a change that commits later; any replica reads every replica's.
 */
@ApplicationScoped
public class OrderStatusChanges {
    @Inject
    DataSource db;

    /** Where a reader stands: after the history row {@code id} of the transaction {@code tx}. */
    public record Cursor(long tx, long id) {
    }

    /** One status change, as the stream shows it: no terms, no personal data (R24). */
    public record Change(long id, UUID orderId, String kind, String fromStatus, String status, OffsetDateTime changedAt) {
    }

    /** The changes read and where the next read starts. */
    public record Batch(List<Change> changes, Cursor next) {
    }

    /** From now on: every transaction not finished yet is ahead of the cursor. */
    public Cursor now() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                ResultSet r = s.executeQuery()) {
            r.next();
            return new Cursor(r.getLong(1), 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the order history", e);
        }
    }

    /** Right after the order's history row {@code id} (a Last-Event-ID); from now when the order has no such row. */
    public Cursor after(UUID orderId, long id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT coalesce(tx, 0) FROM order_history WHERE id = ? AND order_id = ?")) {
            s.setLong(1, id);
            s.setObject(2, orderId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Cursor(r.getLong(1), id) : now();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the order history", e);
        }
    }

    /** Up to {@code limit} status changes of the order after {@code from}. */
    public Batch read(UUID orderId, Cursor from, int limit) {
        String sql = """
                SELECT id, coalesce(tx, 0) AS tx, kind, from_status, to_status, at
                  FROM order_history
                 WHERE order_id = ? AND to_status IS NOT NULL
                   AND (coalesce(tx, 0), id) > (?, ?)
                   AND coalesce(tx, 0) < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                 ORDER BY coalesce(tx, 0), id
                 LIMIT ?""";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, orderId);
            s.setLong(2, from.tx());
            s.setLong(3, from.id());
            s.setInt(4, limit);
            List<Change> changes = new ArrayList<>();
            Cursor next = from;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    next = new Cursor(r.getLong("tx"), r.getLong("id"));
                    changes.add(new Change(r.getLong("id"), orderId, r.getString("kind"), r.getString("from_status"),
                            r.getString("to_status"), r.getObject("at", OffsetDateTime.class)));
                }
            }
            return new Batch(changes, next);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the order history", e);
        }
    }
}
