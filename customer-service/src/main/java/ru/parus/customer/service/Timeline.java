package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.repository.TimelineRepository;
import ru.parus.customer.repository.TimelineRepository.Entry;
import ru.parus.platform.events.EventType;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;

/**
 * R6: nothing done with a customer goes unrecorded. Each customer event is written to the outbox and
 * to the customer's timeline in the same transaction; orders come from order-events.
 */
@ApplicationScoped
public class Timeline {
    @Inject
    TimelineRepository entries;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** Publishes a customer event (outbox) and records it on the customer's timeline (R6). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID customerId, EventType type, Object payload) {
        outbox.publish(CustomerEvents.TOPIC, CustomerEvents.AGGREGATE, customerId, type, payload);
        record(customerId, OffsetDateTime.now(clock), type.name(), payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID customerId, OffsetDateTime at, String kind, Object summary) {
        String json;
        try {
            json = mapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("timeline summary is not serialisable: " + kind, e);
        }
        entries.insert(customerId, at, kind, json);
    }

    /** Newest first; the ids are the customer and those merged into it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> page(List<UUID> customerIds, PageRequest page) {
        return Page.of(page, entries.count(customerIds), entries.page(customerIds, page));
    }
}
