-- R22: a deputy covers an absent manager's customers for the period of the absence. Built from
-- callcenter-service's ManagerAbsenceStarted / ManagerAbsenceEnded; one row per absence. An Ended that
-- arrives before its Started still ends the absence (ended_at is kept when the Started comes later).
CREATE TABLE deputyship (
    absence_id UUID PRIMARY KEY,
    manager_id VARCHAR(100) NOT NULL,
    deputy_id  VARCHAR(100) NOT NULL,
    starts_at  TIMESTAMPTZ,
    ends_at    TIMESTAMPTZ,
    ended_at   TIMESTAMPTZ
);
CREATE INDEX deputyship_deputy ON deputyship (deputy_id) WHERE ended_at IS NULL;
