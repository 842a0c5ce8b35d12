package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry.Kind;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.domain.Payment;
import ru.parus.order.domain.PaymentMethod;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.event.OrderPaid;
import ru.parus.order.repository.OrderRepository;
import ru.parus.order.repository.PaymentRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** Payments (R15): online ones from the provider's callback, cash collected on delivery from fulfilment. */
@ApplicationScoped
@Transactional
public class PaymentService {
    @Inject
    BonusService bonus;
    private static final Logger LOG = Logger.getLogger(PaymentService.class);
    static final String PROVIDER = "payment-provider";

    @Inject
    OrderRepository orders;
    @Inject
    PaymentRepository payments;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    OrderHistory history;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ReplenishmentPlanner replenishment;

    public record OnlinePayment(String providerPaymentId, UUID orderId, long amountKopecks, String currency,
            OffsetDateTime paidAt) {
    }

    /** The recorded payment, and whether an earlier callback had recorded it already. */
    public record Recorded(Payment payment, boolean replayed) {
    }

    /**
     * R15: the provider reports an online payment. Idempotent per provider payment id; marks an ONLINE
     * order that awaits payment PAID when the amount is the payable amount, and publishes OrderPaid.
     */
    public Recorded onlinePaid(OnlinePayment p) {
        Optional<Payment> earlier = payments.byProviderPaymentId(p.providerPaymentId());
        if (earlier.isPresent()) {
            if (!earlier.get().orderId.equals(p.orderId()) || earlier.get().amountKopecks != p.amountKopecks()) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "Payment " + p.providerPaymentId()
                        + " was already recorded for another order or amount").with("orderId", earlier.get().orderId);
            }
            return new Recorded(earlier.get(), true);
        }
        Order order = orders.findByIdOptional(p.orderId()).orElseThrow(() -> ProblemException.notFound("Order", p.orderId()));
        if (order.paymentMethod != PaymentMethod.ONLINE) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "R15: order " + order.id + " is paid by "
                    + order.paymentMethod + ", not ONLINE").with("paymentMethod", String.valueOf(order.paymentMethod));
        }
        if (order.status != OrderStatus.AWAITING_PAYMENT) {
            throw new ProblemException(ProblemType.CONFLICT, "Order " + order.id + " does not await payment; it is "
                    + order.status).with("currentStatus", order.status.name())
                    .with("allowedNext", order.status.next().stream().map(Enum::name).toList());
        }
        if (p.amountKopecks() != order.payableKopecks() || !order.currency.equals(p.currency())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "R15: paid " + p.amountKopecks() + " " + p.currency()
                    + ", payable " + order.payableKopecks() + " " + order.currency)
                    .with("payableKopecks", order.payableKopecks()).with("currency", order.currency);
        }
        OffsetDateTime paidAt = p.paidAt() == null ? OffsetDateTime.now(clock) : p.paidAt();
        Payment payment = record(order, PaymentMethod.ONLINE, p.amountKopecks(), paidAt, p.providerPaymentId(), null);
        lifecycle.move(order, OrderStatus.PAID, PROVIDER, "online payment " + p.providerPaymentId());
        payments.flush(); // a concurrent callback with the same payment id fails here, not at commit
        return new Recorded(payment, false);
    }

    /**
     * R15: cash collected on delivery (fulfilment's ShipmentDelivered). Records the payment and publishes
     * OrderPaid once per shipment; nothing is recorded when no cash was collected.
     */
    public void cashCollected(String shipmentId, UUID orderId, OffsetDateTime deliveredAt, long cashKopecks) {
        if (cashKopecks <= 0 || payments.byShipmentId(shipmentId).isPresent()) {
            return;
        }
        Optional<Order> found = orders.findByIdOptional(orderId);
        if (found.isEmpty()) {
            LOG.warnf("ShipmentDelivered %s names unknown order %s; cash %d not recorded", shipmentId, orderId, cashKopecks);
            return;
        }
        Order order = found.get();
        PaymentMethod method = order.paymentMethod == null || order.paymentMethod.prepaid()
                ? PaymentMethod.CASH_TO_COURIER : order.paymentMethod;
        if (cashKopecks != order.payableKopecks()) {
            LOG.warnf("order %s: collected %d kopecks, payable %d", order.id, cashKopecks, order.payableKopecks());
        }
        record(order, method, cashKopecks, deliveredAt == null ? OffsetDateTime.now(clock) : deliveredAt, null, shipmentId);
    }

    private Payment record(Order order, PaymentMethod method, long amount, OffsetDateTime paidAt,
            String providerPaymentId, String shipmentId) {
        Payment payment = new Payment();
        payment.orderId = order.id;
        payment.method = method;
        payment.amountKopecks = amount;
        payment.currency = order.currency;
        payment.paidAt = paidAt;
        payment.recordedAt = OffsetDateTime.now(clock);
        payment.providerPaymentId = providerPaymentId;
        payment.shipmentId = shipmentId;
        payments.persist(payment);
        order.paidAt = paidAt;
        bonus.earnOnPayment(order); // R11: once per order
        replenishment.paid(order.id, paidAt); // R25: the supply's run-out, until the delivery date is known
        history.record(order.id, providerPaymentId != null ? PROVIDER : "fulfillment-service", Kind.PAYMENT, null, null,
                method + " payment of " + amount + " kopecks"
                        + (shipmentId != null ? " collected on delivery of shipment " + shipmentId : ""),
                null);
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, OrderEvents.PAID,
                new OrderPaid(order.id, order.customerId, paidAt, amount, order.currency, method.name(),
                        providerPaymentId));
        return payment;
    }
}
