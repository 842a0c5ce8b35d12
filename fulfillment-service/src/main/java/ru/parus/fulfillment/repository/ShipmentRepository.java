package ru.parus.fulfillment.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentStatus;
import ru.parus.platform.access.AccessScope;
import ru.parus.platform.paging.PageRequest;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {
    /** What the shipment list is narrowed to; a null member does not narrow it. */
    public record Filter(ShipmentStatus status, String carrierCode, String deliveryMethod) {
    }

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

    /** R24: the customer's shipments. */
    public List<Shipment> ofCustomer(UUID customerId) {
        return list("customerId", customerId);
    }

    /**
     * One page of shipments, newest first, within the caller's access scope (R24): everything, or the shipments of
     * customers owned by one of {@code scope.owners()} and of unowned or not yet known customers (no row in
     * {@code access_customer_owner}).
     */
    @SuppressWarnings("unchecked")
    public List<Shipment> page(Filter filter, AccessScope scope, PageRequest paging) {
        Map<String, Object> params = new HashMap<>();
        Query query = getEntityManager().createNativeQuery("SELECT s.* " + from(filter, scope, params)
                + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset", Shipment.class);
        params.forEach(query::setParameter);
        return query.setParameter("limit", paging.size()).setParameter("offset", paging.offset()).getResultList();
    }

    /** How many shipments {@link #page} pages through. */
    public long count(Filter filter, AccessScope scope) {
        Map<String, Object> params = new HashMap<>();
        Query query = getEntityManager().createNativeQuery("SELECT count(*) " + from(filter, scope, params));
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String from(Filter filter, AccessScope scope, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("FROM shipment s");
        List<String> where = new ArrayList<>();
        if (!scope.everyone()) {
            sql.append(" LEFT JOIN access_customer_owner o ON o.customer_id = s.customer_id");
            if (scope.owners().isEmpty()) {
                where.add("o.owner_manager_id IS NULL");
            } else {
                where.add("(o.owner_manager_id IS NULL OR o.owner_manager_id IN (:owners))");
                params.put("owners", List.copyOf(scope.owners()));
            }
        }
        if (filter.status() != null) {
            where.add("s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.carrierCode() != null) {
            where.add("s.carrier_code = :carrier");
            params.put("carrier", filter.carrierCode());
        }
        if (filter.deliveryMethod() != null) {
            where.add("s.delivery_method = :deliveryMethod");
            params.put("deliveryMethod", filter.deliveryMethod());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        return sql.toString();
    }
}
