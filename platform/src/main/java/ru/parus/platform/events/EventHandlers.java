package ru.parus.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The one way a service reads a topic. {@link #dispatch} parses the CloudEvent, skips types no route takes, reads
 * the payload into the consumer's own record and checks it (Bean Validation on that record: a missing or malformed
 * required field makes the event poison, before anything is recorded), records it in the inbox, then calls the
 * route's handler; a duplicate is acknowledged and ignored. Routes are tried in the order they were added.
 *
 * <pre>
 * handlers = dispatcher.handlers("callcenter-service.order-events")
 *         .on(OrderPlaced.TYPE, OrderPlaced.class, (placed, event) -> queue.orderPlaced(placed))
 *         .on(OrderPaid.TYPE, OrderPaid.class, (paid, event) -> queue.orderPaid(paid, event.id()));
 * </pre>
 */
public final class EventHandlers {
    /** What a route does with an event it took, in the consumer's transaction. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T payload, IncomingEvent event);
    }

    private record Route<T>(Function<IncomingEvent, Optional<T>> reader, Handler<T> handler) {
        boolean tryHandle(IncomingEvent event, BiPredicate<String, IncomingEvent> firstDelivery, String consumer) {
            Optional<T> payload = reader.apply(event);
            if (payload.isEmpty()) {
                return false;
            }
            if (firstDelivery.test(consumer, event)) {
                handler.handle(payload.get(), event);
            }
            return true;
        }
    }

    private final String consumer;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final BiPredicate<String, IncomingEvent> firstDelivery;
    private final List<Route<?>> routes = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    /**
     * @param consumer      the inbox's consumer name: {@code <service>.<topic>}
     * @param firstDelivery records the event for the consumer, false for a duplicate (the inbox)
     */
    public EventHandlers(String consumer, ObjectMapper mapper, Validator validator,
            BiPredicate<String, IncomingEvent> firstDelivery) {
        this.consumer = consumer;
        this.mapper = mapper;
        this.validator = validator;
        this.firstDelivery = firstDelivery;
        this.topics.add(consumer.substring(consumer.indexOf('.') + 1));
    }

    /** The inbox's consumer name: {@code <service>.<topic>}. */
    public String consumer() {
        return consumer;
    }

    /** The topics these handlers read: the one their consumer name ends with, and any {@link #alsoFrom}. */
    public List<String> topics() {
        return List.copyOf(topics);
    }

    /** Records of {@code topic} too, handled alike (a topic being renamed: its old name for one release). */
    public EventHandlers alsoFrom(String topic) {
        topics.add(topic);
        return this;
    }

    /** Events of {@code type}, read into {@code payload} and checked. */
    public <T> EventHandlers on(EventType type, Class<T> payload, Handler<T> handler) {
        return on(type, payload, p -> true, handler);
    }

    /**
     * Events of {@code type} whose checked payload passes {@code when}; the others are skipped and not recorded
     * (R13's "packed" counts only for courier delivery, say).
     */
    public <T> EventHandlers on(EventType type, Class<T> payload, Predicate<T> when, Handler<T> handler) {
        ObjectReader reader = tolerantReader(payload);
        routes.add(new Route<>(event -> event.is(type) ? Optional.of(read(event, reader, payload)).filter(when)
                : Optional.empty(), handler));
        return this;
    }

    /**
     * Events that {@code reader} takes (a non-empty result), for a consumer that reads many types one way, such as
     * the customer timeline. The reader throws {@link PoisonEventException} for an event it takes but cannot read.
     */
    public <T> EventHandlers onAny(Function<IncomingEvent, Optional<T>> reader, Handler<T> handler) {
        routes.add(new Route<>(reader, handler));
        return this;
    }

    /** Handles one record: the first route that takes the event, or none (an event of a type this consumer skips). */
    public void dispatch(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        for (Route<?> route : routes) {
            if (route.tryHandle(event, firstDelivery, consumer)) {
                return;
            }
        }
    }

    /**
     * The payload as the consumer's record, checked by its constraints; poison when it cannot be read or fails them.
     * Fields the record does not name are ignored (a tolerant reader: producers may add fields).
     */
    public <T> T read(IncomingEvent event, Class<T> payload) {
        return read(event, tolerantReader(payload), payload);
    }

    private ObjectReader tolerantReader(Class<?> payload) {
        return mapper.readerFor(payload).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private <T> T read(IncomingEvent event, ObjectReader reader, Class<T> payload) {
        T value;
        try {
            value = reader.readValue(event.data());
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + event.type() + " " + event.id() + ": "
                    + firstLine(e.getMessage()), null);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            String fields = violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new PoisonEventException(event.type() + " " + event.id() + " does not match its schema: " + fields,
                    null);
        }
        return value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
