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
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.domain.Product;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.event.OrderPlaced;
import ru.parus.order.repository.OrderRepository;
import ru.parus.order.repository.ProductRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

@ApplicationScoped
@Transactional
public class OrderService {
    @Inject
    OrderRepository orders;
    @Inject
    ProductRepository products;
    @Inject
    Outbox outbox;
    @Inject
    OrderConfig config;
    @Inject
    Clock clock;
    @Inject
    OrderHistory history;
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
     * Places a phone order once per idempotency key (R3): {@link #placePhoneOrder} in its own transaction; when a
     * concurrent request with the same key won the race (the key's unique index refuses this one at the flush or
     * the commit), the order that request placed, as a replay.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Placement place(PlaceOrder request, String managerId, String idempotencyKey) {
        try {
            return placePhoneOrder(request, managerId, idempotencyKey); // intercepted self-invocation: a transaction
        } catch (PersistenceException e) {
            if (idempotencyKey == null || !(e instanceof ConstraintViolationException
                    || e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            return replayOf(idempotencyKey, request); // a concurrent retry won the race
        }
    }

    /**
     * Places a phone order taken by {@code managerId} (R3): lines are priced from the catalogue only,
     * the order, its lines and its {@code OrderPlaced} event commit together (R6).
     */
    public Placement placePhoneOrder(PlaceOrder request, String managerId, String idempotencyKey) {
        access.checkCustomer(request.customerId()); // R24, R22: another manager's customer is a 403
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<Order> earlier = orders.byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        Map<String, Integer> quantities = mergeBySku(request.lines());
        Map<String, Product> catalogue = priced(request.lines(), quantities);

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
        orders.persist(order);
        if (idempotencyKey != null) {
            // flushed here so that a concurrent request with the same key fails inside this call, not at commit;
            // without a key the commit's flush is enough (one flush instead of two)
            orders.flush();
        }
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, OrderEvents.PLACED, OrderPlaced.of(order));
        history.placed(order, managerId);
        return new Placement(order, false);
    }

    /** The products of the lines, priced from the catalogue only (R3); unknown, inactive or excessive lines are a 422. */
    Map<String, Product> priced(List<LineRequest> lines, Map<String, Integer> quantities) {
        Map<String, Product> catalogue = products.forPricing(quantities.keySet());
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
        return catalogue;
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

    private static String hash(PlaceOrder request) {
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
