-- Issue 14: the managers' screens follow their queue over a server-sent-events stream (GET /tasks/stream).
-- Every change of a task that the queue shows (created, assignee changed, completed, closed) is a row here, written
-- by a trigger in the transaction of the change itself: bulk updates (CustomerRegistered, CustomersMerged) and
-- entity updates alike, with no code path that could forget it. The stream reads rows by (tx, id) and only those of
-- finished transactions (tx below the snapshot's xmin), so a row committed late by a slow transaction is not skipped
-- by a reader that has already passed its id; the id is the SSE event id.
CREATE TABLE task_change (
    id                BIGSERIAL PRIMARY KEY,
    tx                BIGINT       NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
    change            VARCHAR(20)  NOT NULL,
    task_id           UUID         NOT NULL,
    task_kind         VARCHAR(40)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    assignee          VARCHAR(100),
    original_assignee VARCHAR(100),
    previous_assignee VARCHAR(100),
    customer_id       UUID,
    due_at            TIMESTAMPTZ,
    changed_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX task_change_tx ON task_change (tx, id);

CREATE FUNCTION record_task_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    what    VARCHAR(20);
    changed TIMESTAMPTZ;
BEGIN
    IF TG_OP = 'INSERT' THEN
        what := 'task-created';
        changed := NEW.created_at;
    ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'DONE' THEN
        what := 'task-completed';
        changed := NEW.completed_at;
    ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'CLOSED' THEN
        what := 'task-closed';
        changed := NEW.closed_at;
    ELSIF NEW.assignee IS DISTINCT FROM OLD.assignee THEN
        what := 'task-assigned';
    ELSE
        RETURN NULL;
    END IF;
    INSERT INTO task_change (change, task_id, task_kind, status, assignee, original_assignee, previous_assignee,
                             customer_id, due_at, changed_at)
    VALUES (what, NEW.id, NEW.kind, NEW.status, NEW.assignee, NEW.original_assignee,
            CASE WHEN TG_OP = 'UPDATE' AND OLD.assignee IS DISTINCT FROM NEW.assignee THEN OLD.assignee END,
            NEW.customer_id, NEW.due_at, coalesce(changed, now()));
    RETURN NULL;
END
$$;

CREATE TRIGGER call_task_change AFTER INSERT OR UPDATE ON call_task
    FOR EACH ROW EXECUTE FUNCTION record_task_change();
