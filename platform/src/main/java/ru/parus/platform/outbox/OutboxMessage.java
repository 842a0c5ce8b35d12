package ru.parus.platform.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting in the {@code outbox} table; {@code seq} gives the publication order.
 * <p>
 * The entity's id is the event id, assigned here, so that an event's row is inserted in the transaction's JDBC
 * batch at commit like the other rows; {@code seq} is the table's serial column, filled in by the database on
 * insert and never written by Hibernate (it is only read, by the relay). With {@code seq} as a Hibernate IDENTITY id
 * every event cost an {@code INSERT ... RETURNING} round trip at persist and forced the rows queued before it out
 * early (issue 15's profile: about 10 % of order-service's CPU per order).
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
    /** The row's insert outside Hibernate, for the reactive PostgreSQL client: values as {@link #insertValues}. */
    public static final String INSERT = """
            INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at, traceparent)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
    /** The columns {@link #of(ResultSet)} reads, for the relay's plain JDBC claim. */
    public static final String COLUMNS =
            "seq, event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at, traceparent";

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Id
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** W3C {@code traceparent} of the span that wrote the event, {@code null} when tracing is off. */
    @Column(name = "traceparent")
    public String traceparent;

    /** A row selected with {@link #COLUMNS} outside Hibernate. */
    static OutboxMessage of(ResultSet row) throws SQLException {
        OutboxMessage m = new OutboxMessage();
        m.seq = row.getLong("seq");
        m.eventId = row.getObject("event_id", UUID.class);
        m.topic = row.getString("topic");
        m.aggregateType = row.getString("aggregate_type");
        m.aggregateId = row.getString("aggregate_id");
        m.eventType = row.getString("event_type");
        m.payload = row.getString("payload");
        m.occurredAt = row.getObject("occurred_at", OffsetDateTime.class);
        m.traceparent = row.getString("traceparent");
        return m;
    }

    /** {@link #INSERT}'s values, in order ({@code traceparent} may be null). */
    public List<Object> insertValues() {
        return Arrays.asList(eventId, topic, aggregateType, aggregateId, eventType, payload, occurredAt, traceparent);
    }
}
