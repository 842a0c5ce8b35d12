package ru.parus.callcenter.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call that followed a script (R17): the version used, the path taken, the answers, and its quality (R23). */
@Entity
@Table(name = "script_run")
public class ScriptRun {
    @Id
    public UUID id;

    @Column(name = "script_code", nullable = false)
    public String scriptCode;

    @Column(name = "script_version", nullable = false)
    public int scriptVersion;

    @Column(name = "task_id")
    public UUID taskId;

    /** A registered call (R18); no foreign key. */
    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "manager_id", nullable = false)
    public String managerId;

    /** JSON array of step ids, skipped ones included. */
    @Column(nullable = false)
    public String path;

    /** JSON array of {stepId, answer}. */
    @Column(nullable = false)
    public String answers;

    @Column(name = "mandatory_on_path", nullable = false)
    public int mandatoryOnPath;

    @Column(name = "mandatory_covered", nullable = false)
    public int mandatoryCovered;

    @Column(name = "offers_made", nullable = false)
    public int offersMade;

    /** mandatoryCovered / mandatoryOnPath, 4 decimals; 1 when the path has no mandatory step. */
    @Column(nullable = false)
    public BigDecimal quality;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
