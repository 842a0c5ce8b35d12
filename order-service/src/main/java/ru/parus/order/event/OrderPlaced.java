package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import ru.parus.order.domain.Order;

/** docs/events/OrderPlaced.v1.schema.json: everything a consumer needs without calling back. */
public record OrderPlaced(UUID orderId, UUID customerId, String channel, String managerId, OffsetDateTime placedAt,
        String currency, long totalKopecks, List<Line> lines) {

    public record Line(String sku, String name, int quantity, long unitPriceKopecks, long lineTotalKopecks) {
    }

    public static OrderPlaced of(Order order) {
        return new OrderPlaced(order.id, order.customerId, order.channel.name(), order.managerId, order.placedAt,
                order.currency, order.totalKopecks,
                order.lines.stream()
                        .map(l -> new Line(l.sku, l.name, l.quantity, l.unitPriceKopecks, l.lineTotalKopecks))
                        .toList());
    }
}
