package ru.parus.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.service.channel.DeliveryReport;
import ru.parus.platform.problem.ProblemException;

/**
 * R21: providers' delivery-status reports update the log: the channels' callback endpoints fire
 * {@link DeliveryReport} CDI events, observed here.
 */
@ApplicationScoped
@Transactional
public class DeliveryStatusUpdate {
    @Inject
    MessageLogRepository messages;
    @Inject
    NotificationService notifications;
    @Inject
    MessageMetrics metrics;
    @Inject
    Clock clock;

    /** A provider's callback, parsed by its channel; a report for a message of another channel is ignored. */
    void onProviderReport(@Observes DeliveryReport report) {
        MessageLog m = messages.byProviderMessageId(report.providerMessageId());
        if (m != null && m.channel.equals(report.channel().name())) {
            recordDeliveryReport(report.providerMessageId(), report.state().name(), report.at(), report.detail());
        }
    }

    /**
     * @param state {@code DELIVERED} or {@code FAILED}
     * @return false when no message has this provider id
     */
    public boolean recordDeliveryReport(String providerMessageId, String state, Instant at, String detail) {
        if (!"DELIVERED".equals(state) && !"FAILED".equals(state)) {
            throw ProblemException.invalidField("state", "DELIVERED or FAILED");
        }
        MessageLog m = providerMessageId == null ? null : messages.byProviderMessageId(providerMessageId);
        if (m == null) {
            return false;
        }
        if (m.status != MessageStatus.SENT) {
            return true; // already final: a repeated or late report changes nothing
        }
        OffsetDateTime when = (at == null ? clock.instant() : at).atOffset(ZoneOffset.UTC);
        if ("DELIVERED".equals(state)) {
            m.delivered(when, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            notifications.history(m, detail);
            metrics.finished(m.channel, m.status.name());
        } else {
            m.lastError = detail;
            notifications.fail(m, NotificationService.DELIVERY_FAILED, detail);
        }
        return true;
    }
}
