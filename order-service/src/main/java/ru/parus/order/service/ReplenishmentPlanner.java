package ru.parus.order.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.order.config.ReplenishmentConfig;
import ru.parus.order.repository.ReplenishmentRepository;

/**
 * R25: when the supply bought in an order runs out, and so when ReplenishmentDue is due. Once an order is paid, each
 * line of a variant with both consumption figures gets its run-out from the payment date plus
 * {@code parus.replenishment.usual-delivery-days}; once it is delivered, from the delivery date (recomputed, unless the
 * line was judged already). {@link RunOut} decides the date; the due time is the run-out date minus
 * {@code parus.replenishment.lead-days}, at the start of that day UTC, stored on the line for the scan.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReplenishmentPlanner {
    @Inject
    ReplenishmentRepository lines;
    @Inject
    ReplenishmentConfig config;

    /** R25: the order was paid; until it is delivered its supply is assumed to start the usual days later. */
    public void paid(UUID orderId, OffsetDateTime paidAt) {
        if (!lines.isDelivered(orderId)) {
            plan(orderId, utcDate(paidAt).plusDays(config.usualDeliveryDays()));
        }
    }

    /** R25: fulfilment delivered the order (ShipmentDelivered): the supply starts on the first delivery date. */
    public void delivered(UUID orderId, OffsetDateTime deliveredAt) {
        if (lines.delivered(orderId, deliveredAt)) {
            plan(orderId, utcDate(deliveredAt));
        }
    }

    private void plan(UUID orderId, LocalDate startedOn) {
        for (ReplenishmentRepository.Plannable l : lines.plannable(orderId)) {
            RunOut runOut = RunOut.of(startedOn, l.quantity(), l.servingsPerPack(), l.dailyServings(),
                    lines.earlierPurchases(l.customerId(), l.familyId(), l.placedAt()), utcDate(l.placedAt()));
            OffsetDateTime dueAt = runOut.runOutOn().minusDays(config.leadDays()).atStartOfDay().atOffset(ZoneOffset.UTC);
            lines.schedule(l.lineId(), l.familyId(), startedOn, runOut.runOutOn(), runOut.basis().name(), dueAt);
        }
    }

    private static LocalDate utcDate(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
