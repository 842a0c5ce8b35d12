package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * R16: calls assigned by management: a purpose, a script, a deadline, the assignees and a list of customers frozen
 * at creation ({@code campaign_customer}, one ASSIGNED call task each).
 */
@Entity
@Table(name = "campaign")
public class Campaign {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "script_code", nullable = false)
    public String scriptCode;

    /** The approved version at launch. */
    @Column(name = "script_version", nullable = false)
    public int scriptVersion;

    @Column(nullable = false)
    public OffsetDateTime deadline;

    /** Staff ids, comma-separated, in the order given. */
    @Column(nullable = false)
    public String assignees;

    /** The selector the list was made from (JSON), or null for an explicit list. */
    public String selector;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
