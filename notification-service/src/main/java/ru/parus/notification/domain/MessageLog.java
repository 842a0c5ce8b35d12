package ru.parus.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A message sent to a customer, with its channel and delivery status (R21). */
@Entity
@Table(name = "message_log")
public class MessageLog {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** E-mail, SMS or a messenger (R21). */
    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String status;

    /** The {@code ce_id} of the event that caused the message, if one did. */
    @Column(name = "cause_event_id")
    public String causeEventId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
