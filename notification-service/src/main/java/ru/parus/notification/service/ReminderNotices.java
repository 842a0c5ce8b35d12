package ru.parus.notification.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.CustomerReachability;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.event.IncomingPayloads.BonusPointsExpiring;
import ru.parus.notification.event.IncomingPayloads.ReplenishmentDue;
import ru.parus.notification.repository.CustomerReachabilityRepository;

/**
 * Reminders order-service decides are due and this service words and sends through the pipeline (consent, preferred
 * channel, quiet hours, R21): the replenishment reminder (R25) and the bonus points expiry warning (R11).
 */
@ApplicationScoped
@Transactional
public class ReminderNotices {
    @Inject
    NotificationService notifications;
    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    NotificationConfig config;

    /**
     * R25: with contactFirst MESSAGE the customer is reminded once per order line (the cause), even when the event
     * comes twice; with CALL callcenter-service makes a call task and nothing is sent from here.
     */
    public void replenishmentDue(ReplenishmentDue e, String eventId) {
        if (!e.byMessage()) {
            return;
        }
        notifications.request(new NotificationService.NewMessage(MessageKind.REPLENISHMENT_REMINDER,
                "REPLENISHMENT_REMINDER:orderLine:" + e.orderLineId(), eventId, e.customerId(), e.orderId(), null,
                null, reminderParams(e), null));
    }

    /** The template's parameters and the family, by which a later order of it cancels the reminder still unsent. */
    private static Map<String, String> reminderParams(ReplenishmentDue e) {
        Map<String, String> params = MessageTexts.replenishmentReminder(e.productName(), e.sku(), e.runOutOn());
        if (e.familyId() != null) {
            params.put(NotificationService.FAMILY_ID, e.familyId().toString());
        }
        return params;
    }

    /**
     * R11: one warning per expiring earning: the earning order and the expiry instant name it, so the same earning
     * published again under a new event id makes no second message; without an earning order the event names it.
     */
    public void bonusPointsExpiring(BonusPointsExpiring e, String eventId) {
        String cause = "BONUS_POINTS_EXPIRING:" + (e.earnedOrderId() == null ? "event:" + eventId
                : "order:" + e.earnedOrderId() + ":" + e.expiresAt().toInstant());
        notifications.request(new NotificationService.NewMessage(MessageKind.BONUS_POINTS_EXPIRING, cause, eventId,
                e.customerId(), e.earnedOrderId(), null, null, MessageTexts.bonusPointsExpiring(e.expiringPoints(),
                        expiryDate(e), e.balancePoints()), null));
    }

    /** The day the points expire as the customer counts days: in their time zone, else the service's default one. */
    private LocalDate expiryDate(BonusPointsExpiring e) {
        CustomerReachability r = reachability.resolve(e.customerId());
        ZoneId zone;
        try {
            zone = ZoneId.of(r == null || r.timeZone == null ? config.defaultTimeZone() : r.timeZone);
        } catch (RuntimeException unknownZone) {
            zone = ZoneId.of(config.defaultTimeZone());
        }
        return e.expiresAt().atZoneSameInstant(zone).toLocalDate();
    }
}
