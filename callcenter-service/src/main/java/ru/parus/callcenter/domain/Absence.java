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

/** R22: a manager's absence (leave, sickness, trip) with the deputy who covers their customers and tasks. */
@Entity
@Table(name = "absence")
public class Absence {

    @Id
    public UUID id;

    @Column(name = "manager_id", nullable = false)
    public String managerId;

    @Column(name = "deputy_id", nullable = false)
    public String deputyId;

    /** LEAVE, SICKNESS, TRIP or OTHER. */
    @Column(nullable = false)
    public String reason;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AbsenceStatus status;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Version
    public long version;

    /** R22: the deputy takes over from {@code at}. */
    public void start(OffsetDateTime at) {
        if (!status.canMoveTo(AbsenceStatus.ACTIVE)) {
            throw new IllegalStateException("absence " + id + " is " + status + ", it cannot start");
        }
        status = AbsenceStatus.ACTIVE;
        startedAt = at;
    }

    /** R22: stopped by hand: a planned absence is cancelled, an active one ends; false when it had ended already. */
    public boolean stop(String by, OffsetDateTime at) {
        AbsenceStatus target = status.stopped();
        if (target == null) {
            return false;
        }
        status = target;
        endedAt = at;
        endedBy = by;
        return true;
    }
}
