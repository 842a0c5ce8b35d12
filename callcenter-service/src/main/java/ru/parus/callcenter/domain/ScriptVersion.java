package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A version of a call script (R17): DRAFT until the head approves it; approving retires the previous one. */
@Entity
@Table(name = "script_version")
public class ScriptVersion {

    @Id
    public UUID id;

    /** e.g. {@code dormant-customer}, {@code unpaid-order}, {@code order-ready}, {@code phone-order-upsell}. */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScriptStatus status;

    @Column(nullable = false)
    public String title;

    @Column(name = "start_step", nullable = false)
    public String startStep;

    /** The steps, a JSON array of {@link ScriptStep}. */
    @Column(nullable = false)
    public String steps;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    /** R17: the head approves a DRAFT; false (nothing changed) for any other version. */
    public boolean approve(String by, OffsetDateTime at) {
        if (!status.canMoveTo(ScriptStatus.APPROVED)) {
            return false;
        }
        status = ScriptStatus.APPROVED;
        approvedBy = by;
        approvedAt = at;
        return true;
    }

    /** R17: the approved version gives way to a newer one. */
    public void retire(OffsetDateTime at) {
        if (!status.canMoveTo(ScriptStatus.RETIRED)) {
            throw new IllegalStateException(code + " v" + version + " is " + status + ", it cannot retire");
        }
        status = ScriptStatus.RETIRED;
        retiredAt = at;
    }
}
