package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.callcenter.domain.AbsenceStatus;
import ru.parus.platform.sse.ChangeFeed;
import ru.parus.platform.sse.ChangeFeed.Batch;
import ru.parus.platform.sse.ChangeFeed.Cursor;

/**
 * The task changes a queue screen follows (issue 14, R24, R22): rows of {@code task_change}, written by a trigger in the
 * transaction of each change (V40). Read through platform's {@link ChangeFeed}: in (writing transaction, id) order and
 * only from finished transactions, so a reader never passes a change that commits later; any replica reads every
 * replica's changes.
 */
@ApplicationScoped
public class TaskChanges {
    /**
     * R24, R22: the reader sees the changes of tasks that are (or were, before this change) theirs as assignee or
     * original assignee, or a colleague's whose ACTIVE absence names them as deputy; HEAD, DIRECTOR and ADMIN see all.
     * The same owners as {@code RecordAccess.checkTask}.
     */
    private static final String ROWS = """
            SELECT c.id, c.tx, c.change, c.task_id, c.task_kind, c.status, c.assignee, c.original_assignee,
                   c.previous_assignee, c.customer_id, c.due_at, c.changed_at,
                   (? OR ? IN (c.assignee, c.original_assignee, c.previous_assignee)
                      OR EXISTS (SELECT 1 FROM absence a WHERE a.status = ? AND a.deputy_id = ?
                                 AND a.manager_id IN (c.assignee, c.original_assignee, c.previous_assignee))) AS seen
              FROM task_change c""";

    @Inject
    DataSource db;

    /** Whose changes a reader sees: R24, HEAD, DIRECTOR and ADMIN every task's, anyone else their own (and R22). */
    public record Reader(String staffId, boolean seesAll) {
    }

    /** One change, as the stream shows it: ids and states only, no personal data (R24). */
    public record Change(long id, String event, UUID taskId, String kind, String status, String assignee,
            String originalAssignee, String previousAssignee, UUID customerId, OffsetDateTime dueAt,
            OffsetDateTime changedAt) {
    }

    /** From now on: every transaction not finished yet (it may still write changes) is ahead of the cursor. */
    public Cursor now() {
        return ChangeFeed.now(db);
    }

    /** Right after the change {@code id} (a Last-Event-ID); from now when no such change is kept. */
    public Cursor after(long id) {
        return ChangeFeed.after(db, id, "SELECT tx FROM task_change WHERE id = ?", id);
    }

    /**
     * R24, R22: up to {@code limit} changes after {@code from}, of which those the reader sees; the next read starts
     * past the unseen ones too.
     */
    public Batch<Change> read(Cursor from, Reader reader, int limit) {
        return ChangeFeed.read(db, from, limit, ROWS, r -> !r.getBoolean("seen") ? null
                : new Change(r.getLong("id"), r.getString("change"), r.getObject("task_id", UUID.class),
                        r.getString("task_kind"), r.getString("status"), r.getString("assignee"),
                        r.getString("original_assignee"), r.getString("previous_assignee"),
                        r.getObject("customer_id", UUID.class), r.getObject("due_at", OffsetDateTime.class),
                        r.getObject("changed_at", OffsetDateTime.class)),
                reader.seesAll(), reader.staffId(), AbsenceStatus.ACTIVE.name(), reader.staffId());
    }
}
