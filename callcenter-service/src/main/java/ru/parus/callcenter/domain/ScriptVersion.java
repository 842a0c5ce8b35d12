package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A version of a call script (R17): DRAFT until the head approves it; approving retires the previous one. */
@Entity
@Table(name = "script_version")
public class ScriptVersion {
    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";
    public static final String RETIRED = "RETIRED";

    @Id
    public UUID id;

    /** e.g. {@code dormant-customer}, {@code unpaid-order}, {@code order-ready}, {@code phone-order-upsell}. */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

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
}
