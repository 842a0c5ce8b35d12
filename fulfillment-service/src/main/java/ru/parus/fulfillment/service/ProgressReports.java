package ru.parus.fulfillment.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.fulfillment.config.FulfillmentConfig;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentReport;
import ru.parus.fulfillment.domain.ShipmentReport.Kind;
import ru.parus.fulfillment.domain.ShipmentReport.Outcome;
import ru.parus.fulfillment.domain.ShipmentStatus;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.fulfillment.event.ShipmentDetails;
import ru.parus.fulfillment.event.ShipmentPayloads;
import ru.parus.fulfillment.repository.ShipmentReportRepository;
import ru.parus.fulfillment.repository.ShipmentRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * The warehouse's and carriers' progress reports drive a shipment (R12) and tell the customer when the order is
 * ready (R13). Idempotent per report id; a late report of a step already passed is acknowledged as
 * {@code STALE} without effect; a step that cannot follow the current status is a 409 naming that status.
 */
@ApplicationScoped
@Transactional
public class ProgressReports {
    @Inject
    ShipmentRepository shipments;
    @Inject
    ShipmentReportRepository reports;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    Carriers carriers;
    @Inject
    ShipmentService shipmentService;
    @Inject
    FulfillmentConfig config;

    public record Report(String reportId, Kind kind, OffsetDateTime occurredAt, Integer weightGrams, Integer lengthMm,
            Integer widthMm, Integer heightMm, Integer parcels, String trackingNumber, Long cashCollectedKopecks,
            String reason) {
    }

    /** {@code repeated}: this report id was received before; its first outcome is returned. */
    public record Receipt(Shipment shipment, Outcome outcome, boolean repeated) {
    }

    public Receipt report(UUID shipmentId, Report report, String reportedBy, String body) {
        Shipment shipment = shipments.lock(shipmentId).orElseThrow(() -> ProblemException.notFound("Shipment", shipmentId));
        ShipmentReport earlier = reports.find(report.reportId());
        if (earlier != null) {
            if (!earlier.shipmentId.equals(shipmentId) || earlier.kind != report.kind()) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "report id " + report.reportId()
                        + " was used for a " + earlier.kind + " report of shipment " + earlier.shipmentId)
                        .with("reportId", report.reportId());
            }
            return new Receipt(shipment, earlier.outcome, true);
        }
        OffsetDateTime at = report.occurredAt() == null ? OffsetDateTime.now(clock) : report.occurredAt();
        if (at.isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
            throw ProblemException.invalidField("occurredAt", "is in the future");
        }
        checkFields(shipment, report);
        Outcome outcome = decide(shipment, report.kind());
        if (outcome == Outcome.APPLIED) {
            apply(shipment, report, at);
        }
        // the same id sent at once for another shipment: the loser gets a problem, not a constraint violation
        boolean inserted = reports.insert(report.reportId(), shipmentId, report.kind(), outcome, body, reportedBy,
                OffsetDateTime.now(clock));
        if (!inserted) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "report id " + report.reportId()
                    + " was used meanwhile for another report").with("reportId", report.reportId());
        }
        return new Receipt(shipment, outcome, false);
    }

    /** What each kind of report needs; a missing or impossible field is a 400 problem naming it. */
    private void checkFields(Shipment shipment, Report r) {
        switch (r.kind()) {
            case PACKED -> {
                positive("weightGrams", r.weightGrams(), true);
                positive("parcels", r.parcels(), true);
                positive("lengthMm", r.lengthMm(), false);
                positive("widthMm", r.widthMm(), false);
                positive("heightMm", r.heightMm(), false);
            }
            case HANDED_TO_CARRIER -> {
                ShipmentReads.refuseHandOverIfErased(shipment); // R24: no recipient, no address
                if (r.trackingNumber() == null || r.trackingNumber().isBlank()) {
                    throw ProblemException.invalidField("trackingNumber", "is required when handing over");
                }
                carriers.checkTrackingNumber(shipment.deliveryMethod, r.trackingNumber()); // R12: carrier's format
            }
            case DELIVERED -> {
                Long cash = r.cashCollectedKopecks();
                if (cash != null && cash < 0) {
                    throw ProblemException.invalidField("cashCollectedKopecks", "must not be negative");
                }
                if (shipment.cashOnDeliveryKopecks > 0 && cash == null) {
                    throw ProblemException.invalidField("cashCollectedKopecks",
                            "is required: the carrier collects " + shipment.cashOnDeliveryKopecks + " kopecks")
                            .with("cashOnDeliveryKopecks", shipment.cashOnDeliveryKopecks);
                }
                if (shipment.cashOnDeliveryKopecks == 0 && cash != null && cash > 0) {
                    throw ProblemException.invalidField("cashCollectedKopecks",
                            "nothing is to be collected: the order was paid in advance");
                }
            }
            default -> {
            }
        }
    }

    private static void positive(String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                throw ProblemException.invalidField(field, "is required");
            }
            return;
        }
        if (value <= 0) {
            throw ProblemException.invalidField(field, "must be positive");
        }
    }

    /**
     * R12/R13 state machine: APPLIED when the step may follow the current status, STALE when the shipment is
     * already past it (a late or reordered report), otherwise a 409 with the current status.
     */
    private Outcome decide(Shipment shipment, Kind kind) {
        ShipmentStatus now = shipment.status;
        ShipmentStatus target = target(kind);
        Set<ShipmentStatus> from = switch (kind) {
            case PICKED -> Set.of(ShipmentStatus.CREATED);
            case PACKED -> Set.of(ShipmentStatus.CREATED, ShipmentStatus.PICKED);
            case HANDED_TO_CARRIER -> Set.of(ShipmentStatus.PACKED);
            case ARRIVED -> "COURIER".equals(shipment.deliveryMethod) ? Set.of() : Set.of(ShipmentStatus.HANDED_TO_CARRIER);
            case DELIVERED, RETURNED -> Set.of(ShipmentStatus.HANDED_TO_CARRIER, ShipmentStatus.READY_FOR_PICKUP);
        };
        if (from.contains(now)) {
            return Outcome.APPLIED;
        }
        boolean passed = now != ShipmentStatus.CANCELLED && (now == target || target.rank() < now.rank())
                && !(target.terminal() && now.terminal() && target != now);
        if (passed && !from.isEmpty()) {
            return Outcome.STALE;
        }
        throw new ProblemException(ProblemType.CONFLICT, "a " + kind + " report cannot follow status " + now
                + (from.isEmpty() ? " (no pickup point or terminal for " + shipment.deliveryMethod + ")" : ""))
                .with("currentStatus", now.name());
    }

    private static ShipmentStatus target(Kind kind) {
        return switch (kind) {
            case PICKED -> ShipmentStatus.PICKED;
            case PACKED -> ShipmentStatus.PACKED;
            case HANDED_TO_CARRIER -> ShipmentStatus.HANDED_TO_CARRIER;
            case ARRIVED -> ShipmentStatus.READY_FOR_PICKUP;
            case DELIVERED -> ShipmentStatus.DELIVERED;
            case RETURNED -> ShipmentStatus.RETURNED;
        };
    }

    private void apply(Shipment s, Report r, OffsetDateTime at) {
        s.status = target(r.kind());
        s.statusChangedAt = at;
        switch (r.kind()) {
            case PICKED -> {
            }
            case PACKED -> {
                s.weightGrams = r.weightGrams();
                s.lengthMm = r.lengthMm();
                s.widthMm = r.widthMm();
                s.heightMm = r.heightMm();
                s.parcels = r.parcels();
                // R13: the order is assembled; notification-service tells the customer
                publish(s, FulfillmentEvents.PACKED, new ShipmentPayloads.ShipmentPacked(s.id, s.orderId, at,
                        s.deliveryMethod, s.weightGrams, s.lengthMm, s.widthMm, s.heightMm, s.parcels));
            }
            case HANDED_TO_CARRIER -> {
                s.trackingNumber = r.trackingNumber();
                publish(s, FulfillmentEvents.HANDED_TO_CARRIER, new ShipmentPayloads.ShipmentHandedToCarrier(s.id,
                        s.orderId, at, new ShipmentPayloads.Carrier(s.carrierCode, s.carrierName), s.trackingNumber));
            }
            case ARRIVED -> {
                // R13: arrived at the pickup point or terminal; the customer is told
                ShipmentDetails.Delivery d = shipmentService.details(s).delivery();
                publish(s, FulfillmentEvents.READY_FOR_PICKUP, new ShipmentPayloads.ShipmentReadyForPickup(s.id,
                        s.orderId, at, s.deliveryMethod, d == null ? null : d.pickupPointId(),
                        d == null ? null : d.terminalId(), s.trackingNumber, s.cashOnDeliveryKopecks));
            }
            case DELIVERED -> {
                s.deliveredAt = at;
                s.cashCollectedKopecks = r.cashCollectedKopecks() == null ? 0 : r.cashCollectedKopecks();
                publish(s, FulfillmentEvents.DELIVERED, new ShipmentPayloads.ShipmentDelivered(s.id, s.orderId, at,
                        s.cashCollectedKopecks, config.currency(), s.paymentMethod));
            }
            case RETURNED -> publish(s, FulfillmentEvents.RETURNED,
                    new ShipmentPayloads.ShipmentReturned(s.id, s.orderId, at, r.reason()));
        }
    }

    private void publish(Shipment s, ru.parus.platform.events.EventType type, Object payload) {
        outbox.publish(FulfillmentEvents.TOPIC, FulfillmentEvents.AGGREGATE, s.orderId, type, payload);
    }
}
