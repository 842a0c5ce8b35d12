package ru.parus.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A message to a customer, with its channel and delivery status (R21): one row per cause, made once, that the
 * dispatcher moves QUEUED -> SENDING -> SENT / QUEUED (retry) / FAILED, and delivery reports move on to DELIVERED.
 */
@Entity
@Table(name = "message_log")
public class MessageLog {
    /** Waits for the order projection (the shipment event came before the order's). */
    public static final String WAITING_ORDER = "WAITING_ORDER";
    public static final String QUEUED = "QUEUED";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    @Id
    public UUID id;

    /** Null only while the message waits for its order's projection. */
    @Column(name = "customer_id")
    public UUID customerId;

    /** E-mail, SMS or a messenger (R21); null when no channel could be chosen. */
    public String channel;

    @Column(nullable = false)
    public String status;

    /** The {@code ce_id} of the event that caused the message, if one did. */
    @Column(name = "cause_event_id")
    public String causeEventId;

    /** {@link MessageKind} name. */
    public String kind;

    /** What the message is about, unique: a redelivered event or a restart makes no second message. */
    public String cause;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "requested_channel")
    public String requestedChannel;

    @Column(name = "requested_by")
    public String requestedBy;

    /** Template parameters as JSON (personal data: blanked on erasure, R24). */
    public String params;

    public String address;

    public String subject;

    public String body;

    @Column(name = "template_version")
    public String templateVersion;

    /** Not sent before this time: quiet hours, or a retry's backoff. */
    @Column(name = "not_before")
    public OffsetDateTime notBefore;

    public int attempts;

    /** Why it was skipped or failed: NO_CONSENT, NO_PROVIDER, ATTEMPTS_EXHAUSTED, ... */
    public String reason;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "sending_since")
    public OffsetDateTime sendingSince;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
