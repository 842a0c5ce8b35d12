package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.order.domain.OrderHistoryEntry;

/**
 * R24: after customer-service erased a customer on request, order-service forgets the customer's personal data in its
 * own tables: name, phone and e-mail in the customer projection (so a storefront buyer is no longer matched by them);
 * the recipient (name, phone), the delivery address with its comment and the packaging notes of every order of the
 * customer and of the agreed terms in their histories; the free text staff wrote about those orders (reasons of status
 * changes and cancellations, of discounts and their requests and decisions) becomes {@link #ERASED_TEXT}. Ids,
 * statuses, lines, money, dates and who did what stay, so orders, payments and KPIs still add up. Blanking what is
 * blank changes nothing (an order's version only moves when something was blanked), so a repeat is harmless.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerErasure {
    /** What replaces free text that was there (a null stays null). */
    public static final String ERASED_TEXT = "[удалено по запросу клиента]";
    private static final String OF_CUSTOMER = "(SELECT id FROM customer_order WHERE customer_id = ?1)";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public void erase(UUID customerId) {
        update("""
                UPDATE customer_projection SET name = NULL, phone = NULL, email = NULL, updated_at = ?2
                WHERE customer_id = ?1 AND (name IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL)""", customerId);
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
                customerId);
        update("""
                UPDATE discount_request SET reason = '%1$s',
                    decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE '%1$s' END
                WHERE order_id IN %2$s""".formatted(ERASED_TEXT, OF_CUSTOMER), customerId);
        update("""
                UPDATE order_history SET reason = '%1$s'
                WHERE kind IN ('STATUS', 'DISCOUNT') AND reason IS NOT NULL AND order_id IN %2$s"""
                .formatted(ERASED_TEXT, OF_CUSTOMER), customerId);
        @SuppressWarnings("unchecked")
        List<OrderHistoryEntry> terms = em.createNativeQuery("""
                SELECT * FROM order_history WHERE kind = 'TERMS' AND details IS NOT NULL AND order_id IN %s
                FOR UPDATE""".formatted(OF_CUSTOMER), OrderHistoryEntry.class).setParameter(1, customerId)
                .getResultList();
        for (OrderHistoryEntry e : terms) {
            e.details = blankTerms(e.details);
        }
    }

    /** The agreed terms (JSON of {@link Terms}) without the recipient, the address and the packaging notes. */
    String blankTerms(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored terms are unreadable", e);
        }
        if (!(node instanceof ObjectNode original)) {
            return json;
        }
        ObjectNode o = original.deepCopy();
        for (String field : new String[] { "recipientName", "recipientPhone", "address", "packagingNotes" }) {
            o.putNull(field);
        }
        return o.equals(original) ? json : o.toString();
    }

    private void update(String sql, UUID customerId) {
        var query = em.createNativeQuery(sql).setParameter(1, customerId);
        if (sql.contains("?2")) {
            query.setParameter(2, OffsetDateTime.now(clock));
        }
        query.executeUpdate();
    }
}
