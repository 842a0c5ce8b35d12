package ru.parus.order.messaging;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.order.event.OrderEvents;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code callcenter-events}: a manager's absence and its end (R22), so that the deputy acts on the absent
 * manager's customers' orders for the period and no longer after it (the access projection of the one access policy,
 * R24). Each event once (inbox), other types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class CallcenterEventsConsumer {
    static final String CONSUMER = "order-service.callcenter-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    AccessProjection access;

    @Incoming("callcenter-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (event.is(OrderEvents.MANAGER_ABSENCE_STARTED)) {
            UUID absenceId = uuid(event, "absenceId", record);
            String managerId = event.requireText("managerId");
            String deputyId = event.requireText("deputyId");
            OffsetDateTime startsAt = time(event, "startsAt", record);
            OffsetDateTime endsAt = time(event, "endsAt", record);
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.absenceStarted(absenceId, managerId, deputyId, startsAt, endsAt); // R22
            }
        } else if (event.is(OrderEvents.MANAGER_ABSENCE_ENDED)) {
            UUID absenceId = uuid(event, "absenceId", record);
            String managerId = event.requireText("managerId");
            String deputyId = event.requireText("deputyId");
            OffsetDateTime endedAt = time(event, "endedAt", record);
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.absenceEnded(absenceId, managerId, deputyId, endedAt); // R22: the deputy's access ends
            }
        }
    }

    private static UUID uuid(IncomingEvent event, String field, ConsumerRecord<String, String> record) {
        try {
            return UUID.fromString(event.requireText(field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a UUID", record);
        }
    }

    private static OffsetDateTime time(IncomingEvent event, String field, ConsumerRecord<String, String> record) {
        try {
            return OffsetDateTime.parse(event.requireText(field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a date-time",
                    record);
        }
    }
}
