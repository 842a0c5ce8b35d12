package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderStatus;
import ru.parus.platform.access.AccessScope;
import ru.parus.platform.paging.PageRequest;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    public List<Order> byIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    public Optional<Order> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public Optional<Order> byStorefrontNumber(Channel channel, String number) {
        return find("channel = ?1 and storefrontOrderNumber = ?2", channel, number).firstResultOptional();
    }

    /** The filters of the orders list; null: any. {@code placedTo} is exclusive. */
    public record Criteria(UUID customerId, OrderStatus status, String managerId, Channel channel,
            OffsetDateTime placedFrom, OffsetDateTime placedTo) {
    }

    /** One page and the number of matching rows. */
    public record Found(List<Order> items, long total) {
    }

    /** The orders list: matching orders in the caller's scope (R24, R22), newest first. */
    @SuppressWarnings("unchecked")
    public Found search(Criteria c, AccessScope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder from = new StringBuilder(" FROM customer_order o").append(ScopeSql.JOIN).append("o.customer_id")
                .append(" WHERE ").append(ScopeSql.condition(scope, params));
        if (c.customerId() != null) {
            from.append(" AND o.customer_id = :customer");
            params.put("customer", c.customerId());
        }
        if (c.status() != null) {
            from.append(" AND o.status = :status");
            params.put("status", c.status().name());
        }
        if (c.managerId() != null) {
            from.append(" AND o.manager_id = :manager");
            params.put("manager", c.managerId());
        }
        if (c.channel() != null) {
            from.append(" AND o.channel = :channel");
            params.put("channel", c.channel().name());
        }
        if (c.placedFrom() != null) {
            from.append(" AND o.placed_at >= :placedFrom");
            params.put("placedFrom", c.placedFrom());
        }
        if (c.placedTo() != null) {
            from.append(" AND o.placed_at < :placedTo");
            params.put("placedTo", c.placedTo());
        }
        long total = ((Number) bind(getEntityManager().createNativeQuery("SELECT count(*)" + from), params)
                .getSingleResult()).longValue();
        if (page.offset() >= total) {
            return new Found(List.of(), total);
        }
        Query rows = bind(getEntityManager().createNativeQuery("SELECT o.*" + from
                + " ORDER BY o.placed_at DESC, o.id DESC LIMIT :limit OFFSET :offset", Order.class), params)
                .setParameter("limit", page.size()).setParameter("offset", page.offset());
        return new Found(rows.getResultList(), total);
    }

    static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
