package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.UpsellOffer;

@ApplicationScoped
public class UpsellOfferRepository implements PanacheRepositoryBase<UpsellOffer, UUID> {
    /**
     * R7: the candidates of every source in one indexed query, ranked by source, then by the source's own
     * score (a rule's priority, a pair's lift); one item per product family; nothing already in the order
     * (nor another variant of it), nothing unavailable.
     */
    public static final String SUGGESTIONS = """
            WITH ord AS (SELECT DISTINCT sku FROM order_line WHERE order_id = :order),
            ord_family AS (SELECT DISTINCT p.family_id FROM product p JOIN ord ON ord.sku = p.sku WHERE p.family_id IS NOT NULL),
            cand AS (
                SELECT r.offer_sku AS sku, 'GOES_WITH:' || r.trigger_sku AS reason, 5 AS tier, CAST(r.priority AS float8) AS score
                  FROM cross_sell_rule r JOIN ord ON ord.sku = r.trigger_sku
                 WHERE r.kind = 'WITH_PRODUCT' AND (r.valid_from IS NULL OR r.valid_from <= :now)
                   AND (r.valid_until IS NULL OR r.valid_until > :now)
                UNION ALL
                SELECT r.offer_sku, 'TRADITIONAL_FOR_TYPE', 4, CAST(r.priority AS float8)
                  FROM customer_projection c JOIN cross_sell_rule r ON r.kind = 'FOR_CUSTOMER_TYPE' AND r.customer_type = c.type
                 WHERE c.customer_id = :customer AND (r.valid_from IS NULL OR r.valid_from <= :now)
                   AND (r.valid_until IS NULL OR r.valid_until > :now)
                UNION ALL
                SELECT p.sku, 'FEATURED', 3, 0 FROM product_family f JOIN product p ON p.family_id = f.id
                 WHERE f.featured_from IS NOT NULL AND f.featured_from <= :now AND (f.featured_until IS NULL OR f.featured_until > :now)
                UNION ALL
                SELECT b.other_sku, 'BOUGHT_TOGETHER', 2, b.lift FROM bought_together b JOIN ord ON ord.sku = b.sku
                UNION ALL
                SELECT p.sku, 'NEW', 1, 0 FROM product_family f JOIN product p ON p.family_id = f.id
                 WHERE f.new_from IS NOT NULL AND f.new_from <= :now AND (f.new_until IS NULL OR f.new_until > :now)
            ),
            ranked AS (
                SELECT c.sku, p.name, p.price_kopecks, c.reason, c.tier, c.score,
                       row_number() OVER (PARTITION BY COALESCE(CAST(p.family_id AS text), p.sku)
                                          ORDER BY c.tier DESC, c.score DESC, p.stock DESC, c.sku) AS n
                  FROM cand c JOIN product p ON p.sku = c.sku
                 WHERE p.active AND p.stock > 0
                   AND NOT EXISTS (SELECT 1 FROM ord WHERE ord.sku = c.sku)
                   AND NOT EXISTS (SELECT 1 FROM ord_family o WHERE o.family_id = p.family_id)
            )
            SELECT sku, name, price_kopecks, reason FROM ranked WHERE n = 1
             ORDER BY tier DESC, score DESC, sku LIMIT :limit""";

    /** R7: rows of (sku, name, price_kopecks, reason), best first, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> suggestions(UUID orderId, UUID customerId, OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery(SUGGESTIONS)
                .setParameter("order", orderId)
                .setParameter("customer", customerId)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** R7: an offer counts once per order and SKU. */
    public boolean offered(UUID orderId, String sku) {
        return count("orderId = ?1 and sku = ?2", orderId, sku) > 0;
    }


    public List<UpsellOffer> ofOrder(UUID orderId) {
        return list("orderId", Sort.by("recordedAt").and("id"), orderId);
    }

    public long answeredFor(UUID orderId) {
        return count("orderId", orderId);
    }
}
