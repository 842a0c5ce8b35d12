package ru.parus.order.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import ru.parus.order.domain.Payment;

@ApplicationScoped
public class PaymentRepository implements PanacheRepository<Payment> {

    public Optional<Payment> byProviderPaymentId(String id) {
        return find("providerPaymentId", id).firstResultOptional();
    }

    public Optional<Payment> byShipmentId(String id) {
        return find("shipmentId", id).firstResultOptional();
    }
}
