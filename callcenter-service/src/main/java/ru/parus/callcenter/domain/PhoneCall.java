package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** R18: an inbound or outbound call, registered by the manager or by the telephony webhook. */
@Entity
@Table(name = "phone_call")
public class PhoneCall {
    /** A call in progress, known from the telephony only. */
    public static final String RINGING = "RINGING";
    public static final String ANSWERED = "ANSWERED";
    public static final String MISSED = "MISSED";
    public static final String COMPLETED = "COMPLETED";

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

    @Column(nullable = false)
    public String status;

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
}
