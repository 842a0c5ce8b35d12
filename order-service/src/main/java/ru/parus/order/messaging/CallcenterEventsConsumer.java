package ru.parus.order.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.order.event.incoming.CallcenterEvents.ManagerAbsenceEnded;
import ru.parus.order.event.incoming.CallcenterEvents.ManagerAbsenceStarted;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code callcenter-events}: a manager's absence and its end (R22), so that the deputy acts on the absent
 * manager's customers' orders for the period and no longer after it (the access projection of the one access policy,
 * R24). Each event once (inbox), other types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
public class CallcenterEventsConsumer implements EventConsumer {
    static final String CONSUMER = "order-service.callcenter-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    AccessProjection access;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(ManagerAbsenceStarted.TYPE, ManagerAbsenceStarted.class, (a, event) -> access.absenceStarted(
                        a.absenceId(), a.managerId(), a.deputyId(), a.startsAt(), a.endsAt())) // R22
                .on(ManagerAbsenceEnded.TYPE, ManagerAbsenceEnded.class, (a, event) -> access.absenceEnded(
                        a.absenceId(), a.managerId(), a.deputyId(), a.endedAt())); // R22: the deputy's access ends
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
