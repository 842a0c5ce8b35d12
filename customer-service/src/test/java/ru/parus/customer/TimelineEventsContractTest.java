package ru.parus.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ru.parus.customer.event.TimelineEvents;
import ru.parus.platform.testing.EventSchemas;

/**
 * R6, R24: the timeline's reading of the other services' events against their schemas: every time field and
 * summary member exists in the producer's schema (a rename there fails here, instead of silently emptying the
 * entries), the time field is a required date-time, and no summary member is a known personal or free-text one.
 */
class TimelineEventsContractTest {
    static final Set<String> NEVER = Set.of("phone", "name", "recipient", "delivery", "address", "text", "answer",
            "note", "resolution", "paymentLink", "providerMessageId", "customerContact", "packagingNotes", "lines");

    @Test
    void R6_everyTimeFieldAndSummaryMemberIsInTheProducersSchema() {
        List<TimelineEvents.Kind> all = new ArrayList<>();
        all.addAll(TimelineEvents.ORDER);
        all.addAll(TimelineEvents.CALLCENTER);
        all.addAll(TimelineEvents.NOTIFICATION);
        all.addAll(TimelineEvents.FULFILLMENT);
        assertEquals(23, all.size());
        for (TimelineEvents.Kind kind : all) {
            JsonNode schema = EventSchemas.schema(kind.name() + ".v" + kind.type().version());
            JsonNode time = schema.path("properties").path(kind.timeField());
            assertEquals("date-time", time.path("format").asText(), kind.name() + "." + kind.timeField());
            assertTrue(schema.path("required").toString().contains("\"" + kind.timeField() + "\""),
                    kind.name() + ": " + kind.timeField() + " is required");
            for (String field : kind.fields()) {
                JsonNode node = schema;
                for (String part : field.split("\\.")) {
                    node = node.path("properties").path(part);
                }
                assertFalse(node.isMissingNode(), kind.name() + " has no member " + field);
                for (String part : field.split("\\.")) {
                    assertFalse(NEVER.contains(part), kind.name() + "." + field + " is personal data or free text (R24)");
                }
            }
            // an event that goes through its order must carry the order's id
            if (kind.subject() == TimelineEvents.Subject.CUSTOMER_OR_ORDER) {
                assertTrue(schema.path("required").toString().contains("\"orderId\""), kind.name());
            }
        }
    }
}
