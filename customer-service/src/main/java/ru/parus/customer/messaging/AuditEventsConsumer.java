package ru.parus.customer.messaging;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.customer.event.PersonalDataAccessed;
import ru.parus.customer.service.AccessLog;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;

/**
 * R24: collects every service's reads of personal data ({@code audit-events}) into the one access log ADMIN reads
 * ({@code GET /access-log}). Each event once (inbox, and the event id is unique in the log); poison to the DLQ.
 */
@ApplicationScoped
public class AuditEventsConsumer implements EventConsumer {
    static final String CONSUMER = "customer-service.audit-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    AccessLog accessLog;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(PersonalDataAccessed.TYPE, PersonalDataAccessed.class,
                        (read, event) -> accessLog.recorded(eventId(event), read));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /** The log keeps the event id (unique: a redelivery is one row); one that is not a UUID is poison. */
    private static UUID eventId(IncomingEvent event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": ce_id is not a UUID", null);
        }
    }
}
