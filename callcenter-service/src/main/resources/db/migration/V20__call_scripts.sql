-- R17: call scripts are approved, versioned, branching scenarios. The steps of a version are one JSON
-- document (read and validated by ScriptService); a version is DRAFT until the head approves it, then
-- APPROVED, and RETIRED when a later version is approved. At most one approved version per code.
CREATE TABLE script_version (
    id          UUID PRIMARY KEY,
    code        VARCHAR(60)  NOT NULL,
    version     INT          NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    title       VARCHAR(300) NOT NULL,
    start_step  VARCHAR(60)  NOT NULL,
    steps       TEXT         NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    approved_by VARCHAR(100),
    approved_at TIMESTAMPTZ,
    retired_at  TIMESTAMPTZ,
    CONSTRAINT script_version_code_version UNIQUE (code, version)
);
CREATE UNIQUE INDEX script_version_one_approved ON script_version (code) WHERE status = 'APPROVED';

-- R17: a call that followed a script: the version used, the path taken and the answers; its quality score.
-- call_id names a registered call (R18) without a foreign key: calls are another part of this service.
CREATE TABLE script_run (
    id                UUID PRIMARY KEY,
    script_code       VARCHAR(60)  NOT NULL,
    script_version    INT          NOT NULL,
    task_id           UUID,
    call_id           UUID,
    customer_id       UUID,
    manager_id        VARCHAR(100) NOT NULL,
    path              TEXT         NOT NULL,
    answers           TEXT         NOT NULL,
    mandatory_on_path INT          NOT NULL,
    mandatory_covered INT          NOT NULL,
    offers_made       INT          NOT NULL,
    quality           NUMERIC(5, 4) NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX script_run_manager_time ON script_run (manager_id, recorded_at);
