-- Tracing through the outbox: the W3C trace context of the transaction that wrote the event. The relay
-- sends the row later on a thread of its own; it makes this context the parent of the producer span, so
-- the consumer's span joins the trace of the request that caused the event (docs/operations.md, Tracing).
ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(55);
