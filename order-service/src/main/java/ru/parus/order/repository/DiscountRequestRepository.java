package ru.parus.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.DiscountRequest;
import ru.parus.order.domain.DiscountRequest.Status;

@ApplicationScoped
public class DiscountRequestRepository implements PanacheRepositoryBase<DiscountRequest, UUID> {

    public List<DiscountRequest> ofOrder(UUID orderId) {
        return list("orderId", Sort.by("requestedAt").and("id"), orderId);
    }

    public List<DiscountRequest> pendingOf(UUID orderId) {
        return list("orderId = ?1 and status = ?2", orderId, Status.PENDING);
    }
}
