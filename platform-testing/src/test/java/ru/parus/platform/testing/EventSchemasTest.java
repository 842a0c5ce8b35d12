package ru.parus.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The consumer tests' input: a producer's schema example, changed per test, refused once it breaks the schema. */
class EventSchemasTest {
    @Test
    void anExampleIsAFreshCopyThatObeysItsSchema() {
        ObjectNode first = EventSchemas.example("CustomerRegistered.v1");
        first.put("customerId", "00000000-0000-0000-0000-000000000001");

        ObjectNode second = EventSchemas.example("CustomerRegistered.v1");
        assertNotSame(first, second);
        assertTrue(second.hasNonNull("customerId"));
        assertEquals(first.toString(), EventSchemas.checked("CustomerRegistered.v1", first));
    }

    @Test
    void inputThatBreaksTheProducersSchemaIsRefused() {
        ObjectNode broken = EventSchemas.example("CustomerRegistered.v1");
        broken.remove("registeredAt");

        AssertionError refused = assertThrows(AssertionError.class, () -> EventSchemas.checked("CustomerRegistered.v1", broken));
        assertTrue(refused.getMessage().contains("registeredAt"), refused.getMessage());
    }
}
