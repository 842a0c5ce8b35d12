package ru.parus.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.customer.event.ManagerAbsence;
import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.service.Deputies;
import ru.parus.customer.service.TimelineFeed;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code callcenter-events}: absences for the deputies (R22); calls, call tasks, escalations and
 * complaints/wishes of a customer for the timeline (R6). Each event once (inbox), other types ignored, poison
 * to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class CallcenterEventsConsumer {
    static final String CONSUMER = "customer-service.callcenter-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    Deputies deputies;
    @Inject
    TimelineFeed feed;

    @Incoming("callcenter-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (event.is(ManagerAbsence.STARTED)) {
            ManagerAbsence.Started started = read(event, ManagerAbsence.Started.class);
            if (started.absenceId() == null || blank(started.managerId()) || blank(started.deputyId())
                    || started.startsAt() == null || started.endsAt() == null) {
                throw new PoisonEventException(event.type() + " " + event.id()
                        + " lacks absenceId, managerId, deputyId, startsAt or endsAt", null);
            }
            if (inbox.firstDelivery(CONSUMER, event)) {
                deputies.started(started);
            }
        } else if (event.is(ManagerAbsence.ENDED)) {
            ManagerAbsence.Ended ended = read(event, ManagerAbsence.Ended.class);
            if (ended.absenceId() == null || blank(ended.managerId()) || blank(ended.deputyId()) || ended.endedAt() == null) {
                throw new PoisonEventException(event.type() + " " + event.id()
                        + " lacks absenceId, managerId, deputyId or endedAt", null);
            }
            if (inbox.firstDelivery(CONSUMER, event)) {
                deputies.ended(ended);
            }
        } else {
            // R6: what the call centre did with a customer, on the customer's timeline
            feed.read(TimelineEvents.CALLCENTER, event).ifPresent(fact -> {
                if (inbox.firstDelivery(CONSUMER, event)) {
                    feed.record(fact);
                }
            });
        }
    }

    private <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + event.type() + " " + event.id() + ": " + e.getMessage(), null);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
