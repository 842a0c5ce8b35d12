package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.config.UpsellConfig;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.Product;
import ru.parus.order.domain.UpsellOffer;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.event.UpsellEvents;
import ru.parus.order.event.UpsellOfferRecorded;
import ru.parus.order.repository.OrderRepository;
import ru.parus.order.repository.ProductRepository;
import ru.parus.order.repository.UpsellOfferRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** Upsell while taking an order (R7): what to offer, and the offers made with the customer's answers. */
@ApplicationScoped
@Transactional
public class UpsellService {
    /**
     * R7: the candidates of every source in one indexed query, ranked by source, then by the source's own
     * score (a rule's priority, a pair's lift); one item per product family; nothing already in the order
     * (nor another variant of it), nothing unavailable.
     */
    static final String SUGGESTIONS = """
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

    @Inject
    OrderRepository orders;
    @Inject
    ProductRepository products;
    @Inject
    UpsellOfferRepository offers;
    @Inject
    Outbox outbox;
    @Inject
    UpsellConfig config;
    @Inject
    OrderConfig orderConfig;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    OrderAccess access;

    public record Suggestion(String sku, String name, long priceKopecks, String reason) {
    }

    public record OfferCommand(String sku, UpsellOffer.Answer answer, int quantity, String reason) {
    }

    /** R7: two to three items to offer with this order, best first, each with its reason code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Suggestion> suggestions(UUID orderId) {
        Order order = orders.findByIdOptional(orderId).orElseThrow(() -> ProblemException.notFound("Order", orderId));
        access.check(order); // R24, R22
        List<Object[]> rows = em.createNativeQuery(SUGGESTIONS)
                .setParameter("order", order.id)
                .setParameter("customer", order.customerId)
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("limit", config.maxSuggestions())
                .getResultList();
        return rows.stream().map(r -> new Suggestion((String) r[0], (String) r[1], ((Number) r[2]).longValue(), (String) r[3]))
                .toList();
    }

    /**
     * R7: records an offer and the customer's answer; an accepted item becomes a line priced from the catalogue,
     * while the order still accepts line changes. Each offer publishes UpsellOfferRecorded.
     */
    public UpsellOffer record(UUID orderId, OfferCommand c, String by) {
        Order order = orders.findByIdOptional(orderId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Order", orderId));
        access.check(order); // R24, R22
        Product product = products.findById(c.sku());
        if (product == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "No product with SKU " + c.sku(),
                    List.of(new Problem.FieldError("sku", "no product with this SKU")));
        }
        if (offers.count("orderId = ?1 and sku = ?2", orderId, c.sku()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, c.sku() + " was already offered with this order; "
                    + "an offer counts once (R7)").with("sku", c.sku());
        }
        if (c.quantity() > orderConfig.maxLineQuantity()) {
            throw ProblemException.invalidField("quantity", "at most " + orderConfig.maxLineQuantity());
        }
        boolean lineAdded = false;
        if (c.answer() == UpsellOffer.Answer.ACCEPTED) {
            if (!order.acceptsLineChanges()) {
                throw new ProblemException(ProblemType.CONFLICT, "Order " + orderId + " is " + order.status
                        + " and no longer accepts new lines").with("currentStatus", order.status.name());
            }
            if (order.lines.stream().anyMatch(l -> l.sku.equals(c.sku()))) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, c.sku() + " is already in the order",
                        List.of(new Problem.FieldError("sku", "already in the order")));
            }
            if (!product.available()) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, c.sku() + " is not available now",
                        List.of(new Problem.FieldError("sku", product.active ? "out of stock" : "not on sale")));
            }
            order.addLine(product, c.quantity());
            lineAdded = true;
        }
        UpsellOffer offer = new UpsellOffer();
        offer.id = UUID.randomUUID();
        offer.orderId = orderId;
        offer.sku = c.sku();
        offer.answer = c.answer();
        offer.quantity = c.quantity();
        offer.reason = c.reason();
        offer.recordedBy = by;
        offer.recordedAt = OffsetDateTime.now(clock);
        offers.persist(offer);
        em.flush();
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, orderId, UpsellEvents.OFFER_RECORDED,
                new UpsellOfferRecorded(offer.id, orderId, order.customerId, order.channel.name(), product.sku,
                        product.name, offer.answer.name(), offer.quantity, offer.reason, product.priceKopecks,
                        order.currency, lineAdded, order.totalKopecks, offers.answeredFor(orderId), by,
                        offer.recordedAt));
        return offer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UpsellOffer> offersOf(UUID orderId) {
        access.check(orders.findByIdOptional(orderId).orElseThrow(() -> ProblemException.notFound("Order", orderId)));
        return offers.ofOrder(orderId);
    }
}
