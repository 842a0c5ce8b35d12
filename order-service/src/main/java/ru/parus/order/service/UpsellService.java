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
        List<Object[]> rows = offers.suggestions(order.id, order.customerId, OffsetDateTime.now(clock),
                config.maxSuggestions());
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
        if (offers.offered(orderId, c.sku())) {
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
