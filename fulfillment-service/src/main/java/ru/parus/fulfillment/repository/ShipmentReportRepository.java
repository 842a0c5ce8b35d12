package ru.parus.fulfillment.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.fulfillment.domain.ShipmentReport;
import ru.parus.fulfillment.domain.ShipmentReport.Kind;
import ru.parus.fulfillment.domain.ShipmentReport.Outcome;

/** The warehouse's and carriers' progress reports, one row per report id (R12). */
@ApplicationScoped
public class ShipmentReportRepository {
    @Inject
    EntityManager em;

    public ShipmentReport find(String reportId) {
        return em.find(ShipmentReport.class, reportId);
    }

    /**
     * Records a report; false when its id was taken meanwhile (the same id sent at once for another shipment: the
     * loser gets a problem, not a constraint violation).
     */
    public boolean insert(String reportId, UUID shipmentId, Kind kind, Outcome outcome, String body, String reportedBy,
            OffsetDateTime receivedAt) {
        return em.createNativeQuery("""
                INSERT INTO shipment_report (report_id, shipment_id, kind, outcome, body, reported_by, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (report_id) DO NOTHING""")
                .setParameter(1, reportId)
                .setParameter(2, shipmentId)
                .setParameter(3, kind.name())
                .setParameter(4, outcome.name())
                .setParameter(5, body)
                .setParameter(6, reportedBy)
                .setParameter(7, receivedAt)
                .executeUpdate() > 0;
    }

    /** The reports on these shipments. */
    public List<ShipmentReport> ofShipments(List<UUID> shipmentIds) {
        return em.createQuery("from ShipmentReport where shipmentId in ?1", ShipmentReport.class)
                .setParameter(1, shipmentIds).getResultList();
    }
}
