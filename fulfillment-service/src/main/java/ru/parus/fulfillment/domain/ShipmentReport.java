package ru.parus.fulfillment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A progress report of the warehouse or a carrier, kept by its caller-chosen id: a repeat has no second effect. */
@Entity
@Table(name = "shipment_report")
public class ShipmentReport {
    public enum Kind {
        PICKED, PACKED, HANDED_TO_CARRIER, ARRIVED, DELIVERED, RETURNED
    }

    /** APPLIED changed the shipment; STALE was a late report of a step already passed, acknowledged without effect. */
    public enum Outcome {
        APPLIED, STALE
    }

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(nullable = false)
    public String body;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
