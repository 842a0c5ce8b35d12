package ru.parus.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A message to a customer, with its channel and delivery status (R21): one row per cause, made once, that the
 * dispatcher moves QUEUED -> SENDING -> SENT / QUEUED (retry) / FAILED, and delivery reports move on to DELIVERED.
 * {@link MessageStatus} says which moves are allowed; the methods at the end make them.
 */
@Entity
@Table(name = "message_log")
public class MessageLog {
    @Id
    public UUID id;

    /** Null only while the message waits for its order's projection. */
    @Column(name = "customer_id")
    public UUID customerId;

    /** E-mail, SMS or a messenger (R21); null when no channel could be chosen. */
    public String channel;

    /** Set when the row is made; moved only by the methods below ({@link MessageStatus#next()}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status;

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

    /** To QUEUED, due at {@code notBefore}: prepared, retried, or left SENDING by an interrupted send. */
    public void queue(OffsetDateTime notBefore) {
        moveTo(MessageStatus.QUEUED);
        this.notBefore = notBefore;
    }

    /** Claimed by the dispatcher: one more attempt starts now. */
    public void sending(OffsetDateTime now) {
        moveTo(MessageStatus.SENDING);
        attempts++;
        sendingSince = now;
        updatedAt = now;
    }

    /** The provider accepted it under {@code providerMessageId}. */
    public void sent(String providerMessageId, OffsetDateTime at) {
        moveTo(MessageStatus.SENT);
        this.providerMessageId = providerMessageId;
        sentAt = at;
        lastError = null;
    }

    /** The provider reported it delivered at {@code at}. */
    public void delivered(OffsetDateTime at, OffsetDateTime now) {
        moveTo(MessageStatus.DELIVERED);
        deliveredAt = at;
        finishedAt = at;
        updatedAt = now;
    }

    public void failed(String reason, OffsetDateTime now) {
        moveTo(MessageStatus.FAILED);
        finish(reason, now);
    }

    public void skip(String reason, OffsetDateTime now) {
        moveTo(MessageStatus.SKIPPED);
        finish(reason, now);
    }

    private void finish(String reason, OffsetDateTime now) {
        this.reason = reason;
        finishedAt = now;
        updatedAt = now;
    }

    private void moveTo(MessageStatus target) {
        if (status == null || !status.canMoveTo(target)) {
            throw new IllegalStateException("message " + id + ": no move from " + status + " to " + target);
        }
        status = target;
    }
}
