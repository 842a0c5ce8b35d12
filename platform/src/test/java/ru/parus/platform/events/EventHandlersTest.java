package ru.parus.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The typed path every consumer takes: routes, checks before the inbox, duplicates ignored. */
class EventHandlersTest {
    static final EventType PAID = EventType.of("order", "OrderPaid", 1);
    static final EventType PACKED = EventType.of("fulfillment", "ShipmentPacked", 1);

    record Paid(@NotNull UUID orderId, String note) {
    }

    record Packed(@NotNull UUID shipmentId, String deliveryMethod) {
    }

    final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    final Set<String> inbox = new HashSet<>();
    final List<Object> handled = new ArrayList<>();

    EventHandlers handlers() {
        return new EventHandlers("test.order-events", mapper, validator, (consumer, e) -> inbox.add(consumer + "/" + e.id()))
                .on(PAID, Paid.class, (paid, event) -> handled.add(paid))
                .on(PACKED, Packed.class, p -> "COURIER".equals(p.deliveryMethod()), (packed, event) -> handled.add(packed))
                .onAny(e -> e.type().endsWith(".Noted.v1") ? Optional.of(e.id()) : Optional.empty(),
                        (id, event) -> handled.add("noted " + id));
    }

    static ConsumerRecord<String, String> record(String id, EventType type, String json) {
        return record(id, type.ceType(), json);
    }

    static ConsumerRecord<String, String> record(String id, String type, String json) {
        var record = new ConsumerRecord<String, String>("order-events", 0, 7L, "key", json);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aKnownEventIsReadIntoItsRecordAndHandledOnce() {
        UUID order = UUID.randomUUID();
        EventHandlers handlers = handlers();
        handlers.dispatch(record("e1", PAID, "{\"orderId\":\"" + order + "\",\"note\":\"n\",\"extra\":1}"));
        handlers.dispatch(record("e1", PAID, "{\"orderId\":\"" + order + "\",\"note\":\"n\"}"));
        assertEquals(List.of(new Paid(order, "n")), handled);
        assertEquals(Set.of("test.order-events/e1"), inbox);
    }

    @Test
    void anUnknownTypeIsSkippedAndNotRecorded() {
        handlers().dispatch(record("e2", EventType.of("order", "OrderShipped", 1), "{}"));
        assertTrue(handled.isEmpty());
        assertTrue(inbox.isEmpty());
    }

    @Test
    void aPayloadMissingARequiredFieldIsPoisonBeforeTheInbox() {
        var e = assertThrows(PoisonEventException.class,
                () -> handlers().dispatch(record("e3", PAID, "{\"note\":\"no order\"}")));
        assertTrue(e.getMessage().contains("orderId"), e.getMessage());
        assertTrue(inbox.isEmpty());
    }

    @Test
    void aMalformedFieldIsPoison() {
        var e = assertThrows(PoisonEventException.class,
                () -> handlers().dispatch(record("e4", PAID, "{\"orderId\":\"not-a-uuid\"}")));
        assertTrue(e.getMessage().startsWith("unreadable ru.parus.order.OrderPaid.v1 e4"), e.getMessage());
        assertTrue(inbox.isEmpty());
    }

    @Test
    void aConditionNotMetSkipsTheEventWithoutRecordingIt() {
        UUID shipment = UUID.randomUUID();
        EventHandlers handlers = handlers();
        handlers.dispatch(record("e5", PACKED, "{\"shipmentId\":\"" + shipment + "\",\"deliveryMethod\":\"PICKUP\"}"));
        handlers.dispatch(record("e6", PACKED, "{\"shipmentId\":\"" + shipment + "\",\"deliveryMethod\":\"COURIER\"}"));
        assertEquals(List.of(new Packed(shipment, "COURIER")), handled);
        assertEquals(Set.of("test.order-events/e6"), inbox);
    }

    @Test
    void aGeneralReaderTakesWhatTheTypedRoutesLeave() {
        handlers().dispatch(record("e7", "ru.parus.callcenter.Noted.v1", "{}"));
        assertEquals(List.of("noted e7"), handled);
    }

    @Test
    void aRecordThatIsNotACloudEventIsPoison() {
        var record = new ConsumerRecord<String, String>("order-events", 0, 8L, "key", "{}");
        assertThrows(PoisonEventException.class, () -> handlers().dispatch(record));
    }

    @Test
    void theHandlersReadTheTopicTheirConsumerIsNamedAfterAndARenamedTopicsOldName() {
        assertEquals(java.util.List.of("order-events"), handlers().topics());
        assertEquals(java.util.List.of("order-events", "order-events-old"), handlers().alsoFrom("order-events-old").topics());
    }
}
