package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import ru.parus.order.domain.Order;

/** docs/events/OrderPlaced.v1.schema.json: everything a consumer needs without calling back. */
public record OrderPlaced(UUID orderId, UUID customerId, String channel, String managerId, OffsetDateTime placedAt,
        String currency, long totalKopecks, List<Line> lines, CustomerContact customerContact,
        String storefrontOrderNumber) {

    /** familyId: the variant's product family (R1), null for a bare SKU; callcenter-service closes R25's task by it. */
    public record Line(String sku, String name, int quantity, long unitPriceKopecks, long lineTotalKopecks,
            UUID familyId) {
    }

    /** Set for a storefront buyer order-service did not know: customer-service registers them. */
    public record CustomerContact(String name, String phone, String email) {
    }

    public static OrderPlaced of(Order order) {
        return of(order, null);
    }

    public static OrderPlaced of(Order order, CustomerContact newCustomer) {
        return new OrderPlaced(order.id, order.customerId, order.channel.name(), order.managerId, order.placedAt,
                order.currency, order.totalKopecks,
                order.lines.stream()
                        .map(l -> new Line(l.sku, l.name, l.quantity, l.unitPriceKopecks, l.lineTotalKopecks,
                                l.familyId))
                        .toList(),
                newCustomer, order.storefrontOrderNumber);
    }
}
