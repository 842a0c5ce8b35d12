package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** R22: a manager's absence (leave, sickness, trip) with the deputy who covers their customers and tasks. */
@Entity
@Table(name = "absence")
public class Absence {
    public static final String PLANNED = "PLANNED";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    public static final String CANCELLED = "CANCELLED";

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

    @Column(nullable = false)
    public String status;

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
}
