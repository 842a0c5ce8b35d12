package ru.parus.fulfillment.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.fulfillment.domain.Shipment;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {
    /** The shipment of an order, locked: order events and warehouse reports for it take turns. */
    public Optional<Shipment> lockByOrder(UUID orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Shipment> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Shipment> byOrder(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }
}
