package ru.parus.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.UpsellOffer;

@ApplicationScoped
public class UpsellOfferRepository implements PanacheRepositoryBase<UpsellOffer, UUID> {

    public List<UpsellOffer> ofOrder(UUID orderId) {
        return list("orderId", Sort.by("recordedAt").and("id"), orderId);
    }

    public long answeredFor(UUID orderId) {
        return count("orderId", orderId);
    }
}
