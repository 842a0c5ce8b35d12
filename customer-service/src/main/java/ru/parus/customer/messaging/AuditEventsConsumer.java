package ru.parus.customer.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.customer.service.AccessLog;
import ru.parus.platform.access.PersonalDataAudit;
import ru.parus.platform.access.PersonalDataAudit.PersonalDataAccessed;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * R24: collects every service's reads of personal data ({@code audit-events}) into the one access log ADMIN reads
 * ({@code GET /access-log}). Each event once (inbox, and the event id is unique in the log); poison to the DLQ.
 */
@ApplicationScoped
@RetryTransientFailures
public class AuditEventsConsumer {
    static final String CONSUMER = "customer-service.audit-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    AccessLog accessLog;

    @Incoming("audit-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!event.is(PersonalDataAudit.PERSONAL_DATA_ACCESSED)) {
            return;
        }
        PersonalDataAccessed read;
        UUID eventId;
        try {
            eventId = UUID.fromString(event.id());
            read = mapper.treeToValue(event.data(), PersonalDataAccessed.class);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + event.type() + " " + event.id() + ": " + e.getMessage(),
                    record);
        }
        if (read.customerId() == null || read.staffId() == null || read.service() == null || read.endpoint() == null
                || read.accessedAt() == null || read.roles() == null || read.fields() == null) {
            throw new PoisonEventException(event.type() + " " + event.id()
                    + " lacks customerId, staffId, roles, service, endpoint, fields or accessedAt", record);
        }
        if (inbox.firstDelivery(CONSUMER, event)) {
            accessLog.recorded(eventId, read);
        }
    }
}
