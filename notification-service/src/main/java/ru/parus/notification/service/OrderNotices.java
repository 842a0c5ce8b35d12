package ru.parus.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.domain.OrderProjection;
import ru.parus.notification.event.IncomingPayloads.Address;
import ru.parus.notification.event.IncomingPayloads.OrderConfirmed;
import ru.parus.notification.event.IncomingPayloads.OrderPaid;
import ru.parus.notification.event.IncomingPayloads.OrderPaymentOverdue;
import ru.parus.notification.event.IncomingPayloads.OrderPlaced;
import ru.parus.notification.event.IncomingPayloads.ShipmentReady;
import ru.parus.notification.repository.OrderProjectionRepository;

/** R13 and R15: the order projection, and the order-ready and payment-reminder messages it makes possible. */
@ApplicationScoped
@Transactional
public class OrderNotices {
    @Inject
    OrderProjectionRepository orders;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    public void placed(OrderPlaced e) {
        OrderProjection o = findOrCreate(e.orderId(), e.customerId());
        if (o.payableKopecks == null) {
            o.payableKopecks = e.totalKopecks();
        }
        notifications.orderKnown(o);
        notifications.reordered(e.customerId(), e.familyIds());
    }

    public void confirmed(OrderConfirmed e) {
        OrderProjection o = findOrCreate(e.orderId(), e.customerId());
        o.paymentMethod = e.paymentMethod();
        o.deliveryMethod = e.deliveryMethod();
        o.payableKopecks = e.payableKopecks();
        o.cashOnDeliveryKopecks = e.cashOnDeliveryKopecks();
        if (e.delivery() != null) {
            o.deliveryDate = e.delivery().date();
            o.windowFrom = e.delivery().windowFrom();
            o.windowTo = e.delivery().windowTo();
            o.pickupPointId = e.delivery().pickupPointId();
            o.terminalId = e.delivery().terminalId();
            o.deliveryAddress = address(e.delivery().address());
        }
        notifications.orderKnown(o);
    }

    /** R15: a paid order gets no reminder, and one still queued is dropped. */
    public void paid(OrderPaid e) {
        OrderProjection o = findOrCreate(e.orderId(), e.customerId());
        o.paid = true;
        notifications.orderKnown(o);
        notifications.orderPaid(e.orderId());
    }

    /**
     * R13: the order is ready (packed for courier delivery, or arrived where the customer collects it): the customer
     * is told, with payment and delivery details. Once per shipment and readiness.
     */
    public void shipmentReady(ShipmentReady e, String eventId, boolean arrived) {
        Map<String, String> shipment = new LinkedHashMap<>();
        shipment.put("deliveryMethod", e.deliveryMethod());
        shipment.put("pickupPointId", e.pickupPointId());
        shipment.put("terminalId", e.terminalId());
        shipment.put("trackingNumber", e.trackingNumber());
        shipment.put("cashOnDeliveryKopecks", e.cashOnDeliveryKopecks() == null ? null : e.cashOnDeliveryKopecks().toString());
        shipment.values().removeIf(v -> v == null);
        OrderProjection order = orders.findById(e.orderId());
        String cause = "ORDER_READY:shipment:" + e.shipmentId() + (arrived ? ":arrived" : ":packed");
        Map<String, String> params = order == null ? shipment : MessageTexts.orderReady(shipment, order);
        notifications.request(new NotificationService.NewMessage(MessageKind.ORDER_READY, cause, eventId,
                order == null ? null : order.customerId, e.orderId(), null, null, params, null));
    }

    /** R15: an online order unpaid past the threshold gets a reminder with the payment link, once per order. */
    public void paymentOverdue(OrderPaymentOverdue e, String eventId) {
        OrderProjection o = findOrCreate(e.orderId(), e.customerId());
        if (e.payableKopecks() != null) {
            o.payableKopecks = e.payableKopecks();
        }
        notifications.request(new NotificationService.NewMessage(MessageKind.PAYMENT_REMINDER,
                "PAYMENT_REMINDER:order:" + e.orderId(), eventId, e.customerId(), e.orderId(), null, null,
                MessageTexts.paymentReminder(e.orderId(), e.payableKopecks() == null ? 0 : e.payableKopecks(),
                        e.paymentLink()), null));
    }

    private OrderProjection findOrCreate(UUID orderId, UUID customerId) {
        OrderProjection o = orders.findById(orderId);
        if (o == null) {
            o = new OrderProjection();
            o.orderId = orderId;
            o.customerId = customerId;
            o.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            orders.persist(o);
        }
        o.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return o;
    }

    private static String address(Address a) {
        if (a == null) {
            return null;
        }
        String text = Stream.of(a.postalCode(), a.city(), a.street(), a.house() == null ? null : "д. " + a.house(),
                a.apartment() == null ? null : "кв. " + a.apartment())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }
}
