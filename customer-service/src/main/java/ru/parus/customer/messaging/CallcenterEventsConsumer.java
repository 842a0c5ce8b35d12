package ru.parus.customer.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.customer.event.ManagerAbsence;
import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.service.Deputies;
import ru.parus.customer.service.TimelineFeed;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code callcenter-events}: absences for the deputies (R22); calls, call tasks, escalations and
 * complaints/wishes of a customer for the timeline (R6). Each event once (inbox), other types ignored, poison
 * to the dead-letter topic.
 */
@ApplicationScoped
public class CallcenterEventsConsumer implements EventConsumer {
    static final String CONSUMER = "customer-service.callcenter-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    Deputies deputies;
    @Inject
    TimelineFeed feed;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(ManagerAbsence.STARTED, ManagerAbsence.Started.class, (started, event) -> deputies.started(started))
                .on(ManagerAbsence.ENDED, ManagerAbsence.Ended.class, (ended, event) -> deputies.ended(ended))
                // R6: what the call centre did with a customer, on the customer's timeline
                .onAny(event -> feed.read(TimelineEvents.CALLCENTER, event), (fact, event) -> feed.record(fact));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
