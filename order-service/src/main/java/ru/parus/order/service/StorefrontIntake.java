package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.domain.Product;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.event.OrderPlaced;
import ru.parus.order.repository.OrderRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.ProblemException;

/**
 * R3: orders from the storefronts LACTOMIN and WATTN. Authenticated by an HMAC signature per
 * storefront, idempotent on the storefront's order number, the buyer matched to a known customer by
 * phone or e-mail or introduced as a new one (customer-service registers them from OrderPlaced).
 */
@ApplicationScoped
@Transactional
public class StorefrontIntake {
    @Inject
    OrderService orderService;
    @Inject
    OrderRepository orders;
    @Inject
    CustomerDirectory customers;
    @Inject
    PhoneNumbers phones;
    @Inject
    TermsPolicy terms;
    @Inject
    OrderHistory history;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Outbox outbox;
    @Inject
    OrderConfig config;
    @Inject
    BonusService bonus;
    @Inject
    Clock clock;

    public record Buyer(String name, String phone, String email) {
    }

    /** {@code bonusPoints}: the points the buyer spends (R11), 0 for none. */
    public record StorefrontOrder(String storefrontOrderNumber, Buyer customer, List<OrderService.LineRequest> lines,
            Terms terms, long bonusPoints) {
    }

    /** R3: a storefront code we take orders from; anything else is a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Channel storefront(String code) {
        try {
            Channel channel = Channel.valueOf(code);
            if (channel != Channel.PHONE) {
                return channel;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("Storefront", code);
    }

    /** R3: the storefront's signature of the raw body; missing or wrong is a 401. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void authenticate(Channel storefront, byte[] rawBody, String signature) {
        String secret = config.storefront().secrets().get(storefront.name());
        if (secret == null || secret.isBlank()) {
            throw ProblemException.unauthorized(Signatures.credential(config.storefront().signatureHeader()),
                    "Storefront " + storefront + " has no secret configured");
        }
        Signatures.verify(secret, rawBody, signature, config.storefront().signatureHeader());
    }

    /** An existing order with this storefront number, if the storefront sent it before. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Order> earlier(Channel storefront, String number) {
        Optional<Order> found = orders.byStorefrontNumber(storefront, number);
        found.ifPresent(o -> o.lines.size());
        return found;
    }

    /** R3: places the storefront's order; a repeat of the same number returns the first order. */
    public OrderService.Placement place(Channel storefront, StorefrontOrder request) {
        Optional<Order> earlier = earlier(storefront, request.storefrontOrderNumber());
        if (earlier.isPresent()) {
            return new OrderService.Placement(earlier.get(), true);
        }
        Map<String, Integer> quantities = OrderService.mergeBySku(request.lines());
        Map<String, Product> catalogue = orderService.priced(request.lines(), quantities);
        Buyer buyer = request.customer();
        String phone = buyer.phone() == null || buyer.phone().isBlank() ? null
                : phones.normalize("customer.phone", buyer.phone());
        String email = buyer.email() == null || buyer.email().isBlank() ? null : buyer.email().trim();
        if (phone == null && email == null) {
            throw ProblemException.invalidField("customer", "a phone or an e-mail is needed to know the customer");
        }
        Terms t = request.terms();
        String recipientPhone = null;
        if (t != null) {
            recipientPhone = t.recipientPhone() == null ? phone : phones.normalize("terms.recipient.phone", t.recipientPhone());
            terms.check(t);
        }

        Optional<UUID> known = customers.match(phone, email);
        UUID customerId = known.orElseGet(() -> customers.introduce(buyer.name(), phone, email));

        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customerId;
        order.channel = storefront;
        order.status = OrderStatus.NEW;
        order.placedAt = OffsetDateTime.now(clock);
        order.currency = config.currency();
        order.storefrontOrderNumber = request.storefrontOrderNumber();
        quantities.forEach((sku, qty) -> order.addLine(catalogue.get(sku), qty));
        // R11: the same cap and balance as a phone order; too many points refuse the order, nothing is stored
        bonus.spendAtIntake(order, request.bonusPoints());
        if (t != null) {
            Terms withRecipient = new Terms(t.paymentMethod(), t.deliveryMethod(),
                    t.recipientName() == null ? buyer.name() : t.recipientName(), recipientPhone, t.address(),
                    t.pickupPointId(), t.terminalId(), t.deliveryDate(), t.windowFrom(), t.windowTo(), t.packagingNotes());
            OrderLifecycle.apply(order, withRecipient, recipientPhone);
        }
        orders.persist(order);
        orders.flush(); // a concurrent repeat of the same number fails inside this call (unique index)
        OrderPlaced.CustomerContact contact = known.isPresent() ? null
                : new OrderPlaced.CustomerContact(buyer.name(), phone, email);
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, OrderEvents.PLACED,
                OrderPlaced.of(order, contact));
        history.placed(order, "storefront:" + storefront);
        lifecycle.confirmIfComplete(order, "storefront:" + storefront);
        orders.flush();
        return new OrderService.Placement(order, false);
    }
}
