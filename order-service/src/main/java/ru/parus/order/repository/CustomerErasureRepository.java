package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.order.domain.OrderHistoryEntry;

/** R24: the statements of {@link ru.parus.order.service.CustomerErasure}. */
@ApplicationScoped
public class CustomerErasureRepository {
    /** What replaces free text that was there (a null stays null). */
    public static final String ERASED_TEXT = "[удалено по запросу клиента]";
    private static final String OF_CUSTOMER = "(SELECT id FROM customer_order WHERE customer_id = ?1)";

    @Inject
    EntityManager em;

    /**
     * Blanks the customer's personal data in the projection, the orders, the discount requests and the history's
     * free text at {@code now}; returns the TERMS history entries (locked) whose details the caller blanks.
     */
    public List<OrderHistoryEntry> erase(UUID customerId, OffsetDateTime now) {
        update("""
                UPDATE customer_projection SET name = NULL, phone = NULL, email = NULL, updated_at = ?2
                WHERE customer_id = ?1 AND (name IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL)""", customerId, now);
        // R25: an erased customer gets no replenishment; remembered even when order-service had no row for them
        update("""
                INSERT INTO customer_projection (customer_id, provisional, updated_at, erased_at) VALUES (?1, FALSE, ?2, ?2)
                ON CONFLICT (customer_id) DO UPDATE SET erased_at = coalesce(customer_projection.erased_at, EXCLUDED.erased_at)""",
                customerId, now);
        // the version moves (ETag, If-Match): a manager's edit begun before the erasure cannot write the data back
        update("""
                UPDATE customer_order SET recipient_name = NULL, recipient_phone = NULL, address_postal_code = NULL,
                    address_region = NULL, address_city = NULL, address_street = NULL, address_house = NULL,
                    address_apartment = NULL, address_comment = NULL, packaging_notes = NULL,
                    discount_reason = CASE WHEN discount_reason IS NULL THEN NULL ELSE '%1$s' END,
                    version = version + 1
                WHERE customer_id = ?1 AND (recipient_name IS NOT NULL OR recipient_phone IS NOT NULL
                    OR address_postal_code IS NOT NULL OR address_region IS NOT NULL OR address_city IS NOT NULL
                    OR address_street IS NOT NULL OR address_house IS NOT NULL OR address_apartment IS NOT NULL
                    OR address_comment IS NOT NULL OR packaging_notes IS NOT NULL
                    OR discount_reason IS DISTINCT FROM '%1$s' AND discount_reason IS NOT NULL)""".formatted(ERASED_TEXT),
                customerId, now);
        update("""
                UPDATE discount_request SET reason = '%1$s',
                    decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE '%1$s' END
                WHERE order_id IN %2$s""".formatted(ERASED_TEXT, OF_CUSTOMER), customerId, now);
        update("""
                UPDATE order_history SET reason = '%1$s'
                WHERE kind IN ('STATUS', 'DISCOUNT') AND reason IS NOT NULL AND order_id IN %2$s"""
                .formatted(ERASED_TEXT, OF_CUSTOMER), customerId, now);
        @SuppressWarnings("unchecked")
        List<OrderHistoryEntry> terms = em.createNativeQuery("""
                SELECT * FROM order_history WHERE kind = 'TERMS' AND details IS NOT NULL AND order_id IN %s
                FOR UPDATE""".formatted(OF_CUSTOMER), OrderHistoryEntry.class).setParameter(1, customerId)
                .getResultList();
        return terms;
    }

    private void update(String sql, UUID customerId, OffsetDateTime now) {
        var query = em.createNativeQuery(sql).setParameter(1, customerId);
        if (sql.contains("?2")) {
            query.setParameter(2, now);
        }
        query.executeUpdate();
    }
}
