package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** R19: a call's case transferred to the head with a reason, and the head's resolution. */
@Entity
@Table(name = "escalation")
public class Escalation {
    @Id
    public UUID id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "manager_id", nullable = false)
    public String managerId;

    @Column(name = "head_id", nullable = false)
    public String headId;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    @Column(name = "task_id")
    public UUID taskId;

    public String resolution;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /** R19: the head's resolution, recorded once; false (nothing changed) when already resolved. */
    public boolean resolve(String resolution, String by, OffsetDateTime at) {
        if (!status.canMoveTo(EscalationStatus.RESOLVED)) {
            return false;
        }
        status = EscalationStatus.RESOLVED;
        this.resolution = resolution;
        resolvedBy = by;
        resolvedAt = at;
        return true;
    }
}
