package ru.parus.platform.sse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The no-gap read of a change table that a {@link PollingSse} stream follows (issue 14): each row records the id of the
 * transaction that wrote it ({@code tx}, e.g. a column defaulting to {@code pg_current_xact_id()}) besides its own
 * {@code id}. Rows are read in (tx, id) order and only from transactions older than every one still running
 * ({@code pg_snapshot_xmin}), so a reader never passes a row that commits later; every replica reads every replica's
 * rows. Used by callcenter-service's task changes and order-service's order status changes.
 *
 * <p>Called from a service's {@code repository} classes, which give the query text of their own rows; the cursor's
 * part of it lives here, once (as {@code ScanLock}'s does).
 */
public final class ChangeFeed {
    /** The transactions older than this one are all finished (committed or rolled back). */
    static final String FINISHED_BEFORE = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    /** Where a reader stands: after the row {@code id} of the transaction {@code tx}. */
    public record Cursor(long tx, long id) {
    }

    /** The changes of one read and where the next read starts (past the rows the mapper left out too). */
    public record Batch<T>(List<T> changes, Cursor next) {
    }

    /** One row as a change, or {@code null} for a row this reader does not see (the cursor still moves past it). */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private ChangeFeed() {
    }

    /** From now on: every transaction not finished yet (it may still write rows) is ahead of the cursor. */
    public static Cursor now(DataSource db) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + FINISHED_BEFORE);
                ResultSet r = s.executeQuery()) {
            r.next();
            return new Cursor(r.getLong(1), 0);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Right after the row {@code id} (a Last-Event-ID): {@code position} selects that row's tx, its {@code ?} bound to
     * {@code params} in order; from {@link #now} when it finds no row.
     */
    public static Cursor after(DataSource db, long id, String position, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(position)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Cursor(r.getLong(1), id) : now(db);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Up to {@code limit} rows after {@code from}, in (tx, id) order, of finished transactions only. {@code rows} is a
     * SELECT of the feed's rows with columns {@code tx} and {@code id} (no ORDER BY, no LIMIT), its {@code ?} bound to
     * {@code params} in order; each row read is given to {@code mapper}.
     */
    public static <T> Batch<T> read(DataSource db, Cursor from, int limit, String rows, RowMapper<T> mapper,
            Object... params) {
        String sql = "SELECT * FROM (" + rows + ") AS change"
                + " WHERE (change.tx, change.id) > (?, ?) AND change.tx < " + FINISHED_BEFORE
                + " ORDER BY change.tx, change.id LIMIT ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = bind(s, params);
            s.setLong(i++, from.tx());
            s.setLong(i++, from.id());
            s.setInt(i, limit);
            List<T> changes = new ArrayList<>();
            Cursor next = from;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    next = new Cursor(r.getLong("tx"), r.getLong("id"));
                    T change = mapper.map(r);
                    if (change != null) {
                        changes.add(change);
                    }
                }
            }
            return new Batch<>(changes, next);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Binds {@code params} from the first {@code ?}; returns the index of the next one. */
    private static int bind(PreparedStatement s, Object... params) throws SQLException {
        int i = 1;
        for (Object param : params) {
            s.setObject(i++, param);
        }
        return i;
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("cannot read the change feed", e);
    }
}
