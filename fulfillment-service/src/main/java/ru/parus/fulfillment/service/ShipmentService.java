package ru.parus.fulfillment.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.repository.ShipmentRepository;
import ru.parus.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class ShipmentService {
    @Inject
    ShipmentRepository shipments;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment get(UUID id) {
        return shipments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Shipment", id));
    }
}
