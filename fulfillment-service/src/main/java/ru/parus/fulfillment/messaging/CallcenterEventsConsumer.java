package ru.parus.fulfillment.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.fulfillment.event.CallcenterEvents.ManagerAbsenceEnded;
import ru.parus.fulfillment.event.CallcenterEvents.ManagerAbsenceStarted;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads the absences on {@code callcenter-events} into the access projection (R22): while a manager is absent their
 * deputy reads the shipments of the manager's customers. ManagerAbsenceStarted and ManagerAbsenceEnded, each once
 * (inbox), in either order; other types are ignored; an unreadable one goes to the dead-letter topic.
 */
@ApplicationScoped
public class CallcenterEventsConsumer implements EventConsumer {
    static final String CONSUMER = "fulfillment-service.callcenter-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    AccessProjection access;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(FulfillmentEvents.MANAGER_ABSENCE_STARTED, ManagerAbsenceStarted.class,
                        (a, event) -> access.absenceStarted(a.absenceId(), a.managerId(), a.deputyId(), a.startsAt(),
                                a.endsAt()))
                .on(FulfillmentEvents.MANAGER_ABSENCE_ENDED, ManagerAbsenceEnded.class,
                        (a, event) -> access.absenceEnded(a.absenceId(), a.managerId(), a.deputyId(), a.endedAt()));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
