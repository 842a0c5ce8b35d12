-- R24: who owns each customer (from customer-events carrying ownerManagerId) and which manager deputises for whom
-- (R22, from callcenter-events ManagerAbsenceStarted / ManagerAbsenceEnded): a manager reads only the messages of
-- customers they own or of a manager they currently deputise for.
ALTER TABLE customer_reachability ADD COLUMN owner_manager_id VARCHAR(100);

CREATE TABLE manager_absence (
    absence_id UUID PRIMARY KEY,
    manager_id VARCHAR(100) NOT NULL,
    deputy_id  VARCHAR(100) NOT NULL,
    starts_at  TIMESTAMPTZ,
    ends_at    TIMESTAMPTZ,
    -- ManagerAbsenceEnded came: the deputy's access ends whatever ends_at said
    ended_at   TIMESTAMPTZ,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX manager_absence_deputy ON manager_absence (deputy_id, manager_id);
