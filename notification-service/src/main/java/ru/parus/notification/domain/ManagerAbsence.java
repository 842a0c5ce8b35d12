package ru.parus.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R22: a manager's absence as callcenter-service announced it; the deputy covers the manager's customers. */
@Entity
@Table(name = "manager_absence")
public class ManagerAbsence {
    @Id
    @Column(name = "absence_id")
    public UUID absenceId;

    @Column(name = "manager_id", nullable = false)
    public String managerId;

    @Column(name = "deputy_id", nullable = false)
    public String deputyId;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
