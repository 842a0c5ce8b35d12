package ru.parus.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import ru.parus.notification.event.IncomingPayloads.ManagerAbsenceEnded;
import ru.parus.notification.event.IncomingPayloads.ManagerAbsenceStarted;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.DeputyService;
import ru.parus.platform.consumer.EventBatches;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/** Reads {@code callcenter-events} for managers' absences and their deputies (R22, R24); each event once (inbox). */
@ApplicationScoped
public class CallcenterEventsConsumer {
    static final String CONSUMER = "notification-service.callcenter-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    EventBatches batches;
    @Inject
    DeputyService deputies;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(NotificationEvents.MANAGER_ABSENCE_STARTED, ManagerAbsenceStarted.class,
                        (started, event) -> deputies.started(started))
                .on(NotificationEvents.MANAGER_ABSENCE_ENDED, ManagerAbsenceEnded.class,
                        (ended, event) -> deputies.ended(ended));
    }

    @Incoming("callcenter-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.apply("callcenter-events", handlers, records);
    }
}
