package ru.parus.order.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    public Optional<Order> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public Optional<Order> byStorefrontNumber(Channel channel, String number) {
        return find("channel = ?1 and storefrontOrderNumber = ?2", channel, number).firstResultOptional();
    }
}
