package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.domain.OrderHistoryEntry.Kind;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.repository.OrderHistoryRepository;

/**
 * R6: every change of an order is registered in the same transaction as the change: placement,
 * status transitions, terms, lines, payments. Other parts of order-service (lines, discounts) call
 * {@link #record} too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderHistory {
    @Inject
    OrderHistoryRepository entries;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public void placed(Order order, String actor) {
        entries.persist(placedEntry(order, actor));
    }

    /** The PLACED entry of a new order, not stored: for the reactive placement, which inserts it with SQL. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderHistoryEntry placedEntry(Order order, String actor) {
        return entry(order.id, actor, Kind.PLACED, null, order.status, "placed through " + order.channel,
                new Placed(order.totalKopecks, order.lines.stream()
                        .map(l -> new Line(l.sku, l.quantity, l.unitPriceKopecks, l.lineTotalKopecks)).toList()));
    }

    /** What was agreed at placement: the lines as priced (R6). */
    public record Placed(long totalKopecks, List<Line> lines) {
    }

    public record Line(String sku, int quantity, long unitPriceKopecks, long lineTotalKopecks) {
    }

    /** A change of lines, for the features that add or change them before confirmation (R6). */
    public void linesChanged(Order order, String actor, String reason) {
        record(order.id, actor, Kind.LINES, null, null, reason,
                new Placed(order.totalKopecks, order.lines.stream()
                        .map(l -> new Line(l.sku, l.quantity, l.unitPriceKopecks, l.lineTotalKopecks)).toList()));
    }

    public void transition(Order order, String actor, OrderStatus from, OrderStatus to, String reason) {
        record(order.id, actor, Kind.STATUS, from, to, reason, null);
    }

    /** A change that is not a transition; {@code details} is serialised as JSON (e.g. the new terms). */
    public void record(UUID orderId, String actor, Kind kind, OrderStatus from, OrderStatus to, String reason,
            Object details) {
        entries.persist(entry(orderId, actor, kind, from, to, reason, details));
    }

    private OrderHistoryEntry entry(UUID orderId, String actor, Kind kind, OrderStatus from, OrderStatus to,
            String reason, Object details) {
        OrderHistoryEntry e = new OrderHistoryEntry();
        e.orderId = orderId;
        e.at = OffsetDateTime.now(clock);
        e.actor = actor == null ? "system" : actor;
        e.kind = kind;
        e.fromStatus = from;
        e.toStatus = to;
        e.reason = reason;
        try {
            e.details = details == null ? null : mapper.writeValueAsString(details);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("history details are not serialisable", ex);
        }
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderHistoryEntry> of(UUID orderId) {
        return entries.ofOrder(orderId);
    }
}
