-- Issue 17 (R18, R21, R23): the best hour to call a customer, from the calls registered so far.

-- R21: the customer's time zone and quiet hours, from CustomerConsentChanged (customer-events). allowed_hours is the
-- bit mask of the local hours (bit h = the hour h:00..h+1:00) wholly outside the quiet hours, computed by
-- CallingHours when the event is applied; null = the customer set none, the department's defaults apply
-- (parus.callcenter.best-hour.*).
ALTER TABLE customer_projection
    ADD COLUMN time_zone           VARCHAR(60),
    ADD COLUMN quiet_from          TIME,
    ADD COLUMN quiet_to            TIME,
    ADD COLUMN allowed_hours       INTEGER,
    ADD COLUMN preferences_version BIGINT;

-- R18: outbound calls per customer and local (ISO weekday 1..7, hour 0..23), counted once when a call is
-- registered (only calls in allowed hours); reached = the customer answered. Read instead of scanning phone_call.
CREATE TABLE call_reach_stat (
    customer_id UUID     NOT NULL,
    weekday     SMALLINT NOT NULL,
    hour        SMALLINT NOT NULL,
    calls       INTEGER  NOT NULL,
    reached     INTEGER  NOT NULL,
    PRIMARY KEY (customer_id, weekday, hour)
);

-- the same over all customers, each call at the customer's own local weekday and hour
CREATE TABLE call_reach_overall (
    weekday SMALLINT NOT NULL,
    hour    SMALLINT NOT NULL,
    calls   INTEGER  NOT NULL,
    reached INTEGER  NOT NULL,
    PRIMARY KEY (weekday, hour)
);

-- R23: a call made for a task: whether it started inside the task's suggested window as it was then (null: not made
-- for a task, or the task had no window)
ALTER TABLE phone_call ADD COLUMN in_suggested_window BOOLEAN;

-- The calls registered before this migration, counted with the defaults of that time: no customer's zone or quiet
-- hours were known yet, so Europe/Moscow and the calling hours 09:00-21:00 (quiet 21:00-09:00).
INSERT INTO call_reach_stat (customer_id, weekday, hour, calls, reached)
SELECT customer_id, weekday, hour, count(*), count(*) FILTER (WHERE reached)
FROM (SELECT customer_id,
             CAST(extract(isodow FROM started_at AT TIME ZONE 'Europe/Moscow') AS SMALLINT) AS weekday,
             CAST(extract(hour FROM started_at AT TIME ZONE 'Europe/Moscow') AS SMALLINT) AS hour,
             (outcome LIKE 'REACHED%' OR (outcome IS NULL AND status = 'COMPLETED' AND answered_at IS NOT NULL)) AS reached
      FROM phone_call
      WHERE direction = 'OUTBOUND' AND customer_id IS NOT NULL AND status IN ('COMPLETED', 'MISSED')) c
WHERE hour BETWEEN 9 AND 20
GROUP BY customer_id, weekday, hour;

INSERT INTO call_reach_overall (weekday, hour, calls, reached)
SELECT weekday, hour, sum(calls), sum(reached) FROM call_reach_stat GROUP BY weekday, hour;
