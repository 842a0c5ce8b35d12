package ru.parus.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.notification.domain.OrderProjection;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {
    /** CustomersMerged: the merged customer's orders now belong to the survivor. */
    public void moveToCustomer(UUID from, UUID to) {
        getEntityManager().createQuery("update OrderProjection set customerId = ?1 where customerId = ?2")
                .setParameter(1, to).setParameter(2, from).executeUpdate();
    }

    /** R24: an erased customer's delivery addresses are forgotten. */
    public void forgetDeliveryAddresses(UUID customerId) {
        getEntityManager().createQuery("update OrderProjection set deliveryAddress = null where customerId = ?1")
                .setParameter(1, customerId).executeUpdate();
    }
}
