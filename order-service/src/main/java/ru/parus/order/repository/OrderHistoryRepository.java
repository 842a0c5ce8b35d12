package ru.parus.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import ru.parus.order.domain.OrderHistoryEntry;

@ApplicationScoped
public class OrderHistoryRepository implements PanacheRepository<OrderHistoryEntry> {

    public List<OrderHistoryEntry> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by coalesce(tx, 0), id", orderId); // see OrderHistoryEntry.tx
    }
}
