-- R20, R23: a justified complaint counts against the manager it was about: the manager of the call it was
-- raised in, else the manager who took the order it names.
CREATE VIEW kpi_justified_complaint AS
SELECT f.id, coalesce(c.manager_id, o.manager_id) AS manager_id, f.answered_at
FROM feedback f
LEFT JOIN phone_call c ON c.id = f.call_id
LEFT JOIN order_projection o ON o.order_id = f.order_id
WHERE f.kind = 'COMPLAINT' AND f.justified;

CREATE INDEX feedback_answered ON feedback (answered_at) WHERE kind = 'COMPLAINT' AND justified;
