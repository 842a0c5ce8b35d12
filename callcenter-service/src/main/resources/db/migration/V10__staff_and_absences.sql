-- R22: the people of the department (staff id = the JWT sub) and their absences with a deputy.
CREATE TABLE staff (
    staff_id   VARCHAR(100) PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    head_id    VARCHAR(100),
    extension  VARCHAR(20),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(100),
    version    BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX staff_extension ON staff (extension) WHERE extension IS NOT NULL;

CREATE TABLE absence (
    id          UUID PRIMARY KEY,
    manager_id  VARCHAR(100) NOT NULL REFERENCES staff (staff_id),
    deputy_id   VARCHAR(100) NOT NULL REFERENCES staff (staff_id),
    reason      VARCHAR(20)  NOT NULL,
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ  NOT NULL,
    -- PLANNED -> ACTIVE -> ENDED, or PLANNED -> CANCELLED
    status      VARCHAR(20)  NOT NULL,
    started_at  TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    ended_by    VARCHAR(100),
    version     BIGINT       NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX absence_manager ON absence (manager_id, status);
CREATE INDEX absence_due ON absence (status, starts_at, ends_at);

-- a task moved to a deputy remembers whose it was, and under which absence, to return when it ends
ALTER TABLE call_task
    ADD COLUMN original_assignee VARCHAR(100),
    ADD COLUMN absence_id        UUID;
CREATE INDEX call_task_absence ON call_task (absence_id);
