package ru.parus.order.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import ru.parus.order.domain.DeliveryAddress;
import ru.parus.order.domain.Order;

/** docs/events/OrderConfirmed.v1.schema.json: all the warehouse and the carriers need (R12). */
public record OrderConfirmed(UUID orderId, UUID customerId, String channel, String managerId,
        OffsetDateTime confirmedAt, String confirmedBy, String paymentMethod, String deliveryMethod,
        boolean requiresPrepayment, Recipient recipient, Delivery delivery, String packagingNotes, List<Line> lines,
        String currency, long itemsTotalKopecks, long discountKopecks, long payableKopecks,
        long cashOnDeliveryKopecks, long bonusSpentKopecks) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public record Recipient(String name, String phone) {
    }

    public record Address(String postalCode, String region, String city, String street, String house,
            String apartment, String comment) {
    }

    public record Delivery(Address address, String pickupPointId, String terminalId, LocalDate date, String windowFrom,
            String windowTo) {
    }

    public record Line(String sku, String name, String variant, int quantity, long unitPriceKopecks,
            long lineTotalKopecks) {
    }

    public static OrderConfirmed of(Order o) {
        DeliveryAddress a = o.deliveryMethod.needsAddress() ? o.address : null;
        Address address = a == null ? null
                : new Address(a.postalCode, a.region, a.city, a.street, a.house, a.apartment, a.comment);
        boolean prepaid = o.paymentMethod.prepaid();
        return new OrderConfirmed(o.id, o.customerId, o.channel.name(), o.managerId, o.confirmedAt, o.confirmedBy,
                o.paymentMethod.name(), o.deliveryMethod.name(), prepaid,
                new Recipient(o.recipientName, o.recipientPhone),
                new Delivery(address, o.pickupPointId, o.terminalId, o.deliveryDate, o.windowFrom.format(HH_MM),
                        o.windowTo.format(HH_MM)),
                o.packagingNotes,
                o.lines.stream().map(l -> new Line(l.sku, l.name, null, l.quantity, l.unitPriceKopecks,
                        l.lineTotalKopecks)).toList(),
                o.currency, o.totalKopecks, o.discountKopecks(), o.payableKopecks(),
                prepaid ? 0 : o.payableKopecks(), o.bonusPoints);
    }
}
