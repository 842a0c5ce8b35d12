package ru.parus.notification.messaging;

import static ru.parus.notification.messaging.EventReading.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.notification.event.IncomingPayloads;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.DeputyService;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code callcenter-events} for managers' absences and their deputies (R22, R24); each event once (inbox). */
@ApplicationScoped
@RetryTransientFailures
public class CallcenterEventsConsumer {
    static final String CONSUMER = "notification-service.callcenter-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    DeputyService deputies;

    @Incoming("callcenter-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        boolean known = e.is(NotificationEvents.MANAGER_ABSENCE_STARTED) || e.is(NotificationEvents.MANAGER_ABSENCE_ENDED);
        if (!known || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        if (e.is(NotificationEvents.MANAGER_ABSENCE_STARTED)) {
            deputies.started(read(mapper, e, IncomingPayloads.ManagerAbsenceStarted.class, "absenceId", "managerId", "deputyId"));
        } else {
            deputies.ended(read(mapper, e, IncomingPayloads.ManagerAbsenceEnded.class, "absenceId", "managerId", "deputyId"));
        }
    }
}
