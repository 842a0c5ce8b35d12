package ru.parus.order.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.domain.Product;
import ru.parus.order.repository.OrderRepository;
import ru.parus.order.repository.ProductRepository;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * Phone orders (R3): the rules {@link ReactivePlacement} places them by (pricing from the catalogue only, the request's
 * hash for the idempotency key), the replay of an order an earlier request with the same key placed, and an order for
 * a staff member.
 */
@ApplicationScoped
@Transactional
public class OrderService {
    @Inject
    OrderRepository orders;
    @Inject
    ProductRepository products;
    @Inject
    OrderConfig config;
    @Inject
    Clock clock;
    @Inject
    OrderAccess access;

    public record LineRequest(String sku, int quantity) {
    }

    public record PlaceOrder(UUID customerId, List<LineRequest> lines) {
    }

    /** The order, and whether it was placed by an earlier request with the same idempotency key. */
    public record Placement(Order order, boolean replayed) {
    }

    /**
     * A new phone order (R3) of the lines {@code quantities} (merged by SKU), priced from {@code catalogue} only (its
     * lines checked by {@link #checkOrderable}); not stored. Needs no transaction: the reactive placement calls it too.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Order newPhoneOrder(PlaceOrder request, String managerId, String idempotencyKey, String hash,
            Map<String, Integer> quantities, Map<String, Product> catalogue) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = request.customerId();
        order.channel = Channel.PHONE;
        order.status = OrderStatus.NEW;
        order.managerId = managerId;
        order.placedAt = OffsetDateTime.now(clock);
        order.currency = config.currency();
        order.idempotencyKey = idempotencyKey;
        order.requestHash = hash;
        quantities.forEach((sku, qty) -> order.addLine(catalogue.get(sku), qty));
        return order;
    }

    /** The products of the lines, priced from the catalogue only (R3); unknown, inactive or excessive lines are a 422. */
    Map<String, Product> priced(List<LineRequest> lines, Map<String, Integer> quantities) {
        Map<String, Product> catalogue = products.forPricing(quantities.keySet());
        checkOrderable(lines, quantities, catalogue);
        return catalogue;
    }

    /** R3: every line names a product on sale, within the quantity limit; otherwise a 422 problem. */
    @Transactional(Transactional.TxType.SUPPORTS)
    void checkOrderable(List<LineRequest> lines, Map<String, Integer> quantities,
            Map<String, Product> catalogue) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Product product = catalogue.get(lines.get(i).sku());
            if (product == null) {
                errors.add(new Problem.FieldError("lines[" + i + "].sku", "no product with this SKU"));
            } else if (!product.active) {
                errors.add(new Problem.FieldError("lines[" + i + "].sku", "not on sale now"));
            }
        }
        quantities.forEach((sku, qty) -> {
            if (qty > config.maxLineQuantity()) {
                errors.add(new Problem.FieldError("lines", sku + ": at most " + config.maxLineQuantity() + " in all"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Some lines cannot be ordered", errors);
        }
    }

    /** After a concurrent request with the same key won the race. */
    public Placement replayOf(String idempotencyKey, PlaceOrder request) {
        Order earlier = orders.byIdempotencyKey(idempotencyKey)
                .orElseThrow(() -> new IllegalStateException("idempotency key " + idempotencyKey + " vanished"));
        return replay(earlier, hash(request));
    }

    /** The order for a staff member: unknown is a 404, another manager's customer's order a 403 (R22, R24). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Order get(UUID id) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Order", id));
        access.check(order);
        order.lines.size();
        return order;
    }

    private Placement replay(Order earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was used for a different order; use a new key for a new order")
                    .with("orderId", earlier.id);
        }
        earlier.lines.size();
        return new Placement(earlier, true);
    }

    /** The same SKU twice is one line with the quantities added, in the order first seen. */
    static Map<String, Integer> mergeBySku(List<LineRequest> lines) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        lines.forEach(l -> merged.merge(l.sku(), l.quantity(), Math::addExact));
        return merged;
    }

    static String hash(PlaceOrder request) {
        StringBuilder canonical = new StringBuilder(String.valueOf(request.customerId()));
        request.lines().forEach(l -> canonical.append('|').append(l.sku()).append('*').append(l.quantity()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
