package ru.parus.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.notification.event.IncomingPayloads.ManagerAbsenceEnded;
import ru.parus.notification.event.IncomingPayloads.ManagerAbsenceStarted;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.DeputyService;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/** Reads {@code callcenter-events} for managers' absences and their deputies (R22, R24); each event once (inbox). */
@ApplicationScoped
public class CallcenterEventsConsumer implements EventConsumer {
    static final String CONSUMER = "notification-service.callcenter-events";

    @Inject
    EventDispatcher dispatcher;
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

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
