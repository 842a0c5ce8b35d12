-- R23: what the managers' KPIs are computed from besides tasks, calls, script runs and feedback:
-- the orders a manager took (and cancelled for their own mistake) and the upsell offers they recorded.
ALTER TABLE order_projection
    ADD COLUMN channel       VARCHAR(20),
    ADD COLUMN placed_at     TIMESTAMPTZ,
    ADD COLUMN total_kopecks BIGINT,
    ADD COLUMN cancelled_at  TIMESTAMPTZ,
    ADD COLUMN manager_error BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX order_projection_manager_placed ON order_projection (manager_id, placed_at);

CREATE TABLE upsell_offer (
    offer_id    UUID PRIMARY KEY,
    order_id    UUID         NOT NULL,
    manager_id  VARCHAR(100) NOT NULL,
    accepted    BOOLEAN      NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX upsell_offer_manager ON upsell_offer (manager_id, recorded_at);

-- the department's targets per calendar month, set by the head; compared with the actuals
CREATE TABLE kpi_target (
    month  CHAR(7)        NOT NULL,
    metric VARCHAR(60)    NOT NULL,
    target NUMERIC(18, 4) NOT NULL,
    set_by VARCHAR(100)   NOT NULL,
    set_at TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (month, metric)
);
CREATE INDEX call_task_completed ON call_task (completed_by, completed_at);
