package ru.parus.fulfillment.messaging;

import static ru.parus.fulfillment.messaging.EventFields.time;
import static ru.parus.fulfillment.messaging.EventFields.uuid;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads the absences on {@code callcenter-events} into the access projection (R22): while a manager is absent their
 * deputy reads the shipments of the manager's customers. ManagerAbsenceStarted and ManagerAbsenceEnded, each once
 * (inbox), in either order; other types are ignored; an unreadable one goes to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class CallcenterEventsConsumer {
    static final String CONSUMER = "fulfillment-service.callcenter-events";

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
        // read before the inbox: a poison event is never recorded as processed
        if (event.is(FulfillmentEvents.MANAGER_ABSENCE_STARTED)) {
            UUID absenceId = uuid(event, "absenceId");
            String managerId = event.requireText("managerId");
            String deputyId = event.requireText("deputyId");
            OffsetDateTime startsAt = time(event, "startsAt");
            OffsetDateTime endsAt = time(event, "endsAt");
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.absenceStarted(absenceId, managerId, deputyId, startsAt, endsAt);
            }
        } else if (event.is(FulfillmentEvents.MANAGER_ABSENCE_ENDED)) {
            UUID absenceId = uuid(event, "absenceId");
            String managerId = event.requireText("managerId");
            String deputyId = event.requireText("deputyId");
            OffsetDateTime endedAt = time(event, "endedAt");
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.absenceEnded(absenceId, managerId, deputyId, endedAt);
            }
        }
    }
}
