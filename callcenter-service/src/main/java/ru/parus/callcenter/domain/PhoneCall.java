package ru.parus.callcenter.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** R18: an inbound or outbound call, registered by the manager or by the telephony webhook. */
@Entity
@Table(name = "phone_call")
public class PhoneCall {
    @Id
    public UUID id;

    /** The PBX's own id of the call; null for calls entered by hand. */
    @Column(name = "pbx_call_id")
    public String pbxCallId;

    /** INBOUND or OUTBOUND. */
    @Column(nullable = false)
    public String direction;

    /** The customer's number, E.164. */
    public String phone;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "manager_id")
    public String managerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallStatus status;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "duration_seconds")
    public Long durationSeconds;

    /** ORDER, REFERENCE, COMPLAINT or OTHER. */
    public String purpose;
    public String outcome;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "task_id")
    public UUID taskId;

    public String notes;

    /** MANUAL or TELEPHONY. */
    @Column(nullable = false)
    public String source;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /** R23 (issue 17): a call made for a task started inside the task's suggested window as it was then; else null. */
    @Column(name = "in_suggested_window")
    public Boolean inSuggestedWindow;

    /**
     * Issue 17: the customer was reached: an outcome {@code REACHED_*}, or, for a call the telephony reported without
     * an outcome, answered and completed.
     */
    public boolean reached() {
        return outcome != null ? outcome.startsWith("REACHED") : status == CallStatus.COMPLETED && answeredAt != null;
    }

    /** The telephony says the call was answered at {@code at}; a finished call keeps its status. */
    public void answer(OffsetDateTime at) {
        answeredAt = at;
        if (status.canMoveTo(CallStatus.ANSWERED)) {
            status = CallStatus.ANSWERED;
        }
    }

    /** The call ended at {@code at}: completed, lasting from the answer (or the start); false if it had finished. */
    public boolean end(OffsetDateTime at) {
        if (!status.canMoveTo(CallStatus.COMPLETED)) {
            return false;
        }
        status = CallStatus.COMPLETED;
        endedAt = at;
        OffsetDateTime from = answeredAt != null ? answeredAt : startedAt;
        durationSeconds = Math.max(0, Duration.between(from, at).toSeconds());
        return true;
    }

    /** Nobody answered; false if the call had finished. */
    public boolean miss(OffsetDateTime at) {
        if (!status.canMoveTo(CallStatus.MISSED)) {
            return false;
        }
        status = CallStatus.MISSED;
        endedAt = at;
        durationSeconds = 0L;
        return true;
    }
}
