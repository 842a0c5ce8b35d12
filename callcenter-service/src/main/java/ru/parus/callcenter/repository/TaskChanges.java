package ru.parus.callcenter.repository;

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

import ru.parus.callcenter.domain.AbsenceStatus;

/**
 * The task changes a queue screen follows (issue 14, R24, R22): rows of {@code task_change}, written by a trigger in the
 * transaction of each change (V40). Read in (writing transaction, id) order and only from finished transactions, so a
 * reader never passes a change that commits later; any replica reads every replica's changes.
 */
@ApplicationScoped
public class TaskChanges {
    @Inject
    DataSource db;

    /** Where a reader stands: after the change {@code id} of the transaction {@code tx}. */
    public record Cursor(long tx, long id) {
    }

    /** Whose changes a reader sees: R24, HEAD, DIRECTOR and ADMIN every task's, anyone else their own (and R22). */
    public record Reader(String staffId, boolean seesAll) {
    }

    /** One change, as the stream shows it: ids and states only, no personal data (R24). */
    public record Change(long id, String event, UUID taskId, String kind, String status, String assignee,
            String originalAssignee, String previousAssignee, UUID customerId, OffsetDateTime dueAt,
            OffsetDateTime changedAt) {
    }

    /** The changes the reader sees among those read, and where the next read starts (past the unseen ones too). */
    public record Batch(List<Change> changes, Cursor next) {
    }

    /** From now on: every transaction not finished yet (it may still write changes) is ahead of the cursor. */
    public Cursor now() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                ResultSet r = s.executeQuery()) {
            r.next();
            return new Cursor(r.getLong(1), 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the task changes", e);
        }
    }

    /** Right after the change {@code id} (a Last-Event-ID); from now when no such change is kept. */
    public Cursor after(long id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT tx FROM task_change WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Cursor(r.getLong(1), id) : now();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the task changes", e);
        }
    }

    /**
     * R24, R22: up to {@code limit} changes after {@code from}, of which the reader sees those of tasks that are (or
     * were, before this change) theirs as assignee or original assignee, or a colleague's whose ACTIVE absence names
     * them as deputy; HEAD, DIRECTOR and ADMIN see all. The same owners as {@code RecordAccess.checkTask}.
     */
    public Batch read(Cursor from, Reader reader, int limit) {
        String sql = """
                SELECT c.id, c.tx, c.change, c.task_id, c.task_kind, c.status, c.assignee, c.original_assignee,
                       c.previous_assignee, c.customer_id, c.due_at, c.changed_at,
                       (? OR ? IN (c.assignee, c.original_assignee, c.previous_assignee)
                          OR EXISTS (SELECT 1 FROM absence a WHERE a.status = ? AND a.deputy_id = ?
                                     AND a.manager_id IN (c.assignee, c.original_assignee, c.previous_assignee))) AS seen
                  FROM task_change c
                 WHERE (c.tx, c.id) > (?, ?)
                   AND c.tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                 ORDER BY c.tx, c.id
                 LIMIT ?""";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setBoolean(1, reader.seesAll());
            s.setString(2, reader.staffId());
            s.setString(3, AbsenceStatus.ACTIVE.name());
            s.setString(4, reader.staffId());
            s.setLong(5, from.tx());
            s.setLong(6, from.id());
            s.setInt(7, limit);
            List<Change> seen = new ArrayList<>();
            Cursor next = from;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    next = new Cursor(r.getLong("tx"), r.getLong("id"));
                    if (r.getBoolean("seen")) {
                        seen.add(new Change(r.getLong("id"), r.getString("change"), r.getObject("task_id", UUID.class),
                                r.getString("task_kind"), r.getString("status"), r.getString("assignee"),
                                r.getString("original_assignee"), r.getString("previous_assignee"),
                                r.getObject("customer_id", UUID.class), r.getObject("due_at", OffsetDateTime.class),
                                r.getObject("changed_at", OffsetDateTime.class)));
                    }
                }
            }
            return new Batch(seen, next);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the task changes", e);
        }
    }
}
