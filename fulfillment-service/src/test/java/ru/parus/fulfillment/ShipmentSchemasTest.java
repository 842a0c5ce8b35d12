package ru.parus.fulfillment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.parus.platform.testing.EventSchemas;

/** The schemas of what fulfillment-service publishes: their examples are valid and they reject an empty payload. */
class ShipmentSchemasTest {
    @ParameterizedTest
    @ValueSource(strings = { "ShipmentCreated", "ShipmentPacked", "ShipmentHandedToCarrier", "ShipmentReadyForPickup",
            "ShipmentDelivered", "ShipmentReturned", "ShipmentCancelled", "ShipmentReturnRequested" })
    void examplesAreValidAndRequiredFieldsAreEnforced(String name) {
        assertEquals(1, EventSchemas.examples(name + ".v1").size());
        for (String example : EventSchemas.examples(name + ".v1")) {
            Set<String> violations = EventSchemas.violations(name + ".v1", example);
            assertTrue(violations.isEmpty(), name + " example: " + violations);
        }
        assertFalse(EventSchemas.violations(name + ".v1", "{}").isEmpty(), name + " accepts an empty payload");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"shipmentId\":\"7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\",\"orderId\":\"0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17\",\"deliveredAt\":\"2026-11-29T11:20:00Z\"}",
            "{\"shipmentId\":\"7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\",\"orderId\":\"0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17\",\"deliveredAt\":\"2026-11-29T11:20:00Z\",\"cashCollectedKopecks\":-1}",
            "{\"shipmentId\":\"7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\",\"orderId\":\"0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17\",\"deliveredAt\":\"2026-11-29T11:20:00Z\",\"cashCollectedKopecks\":52.5}" })
    void theDeliveredContractNeedsAWholeNonNegativeCashAmount(String payload) {
        assertFalse(EventSchemas.violations("ShipmentDelivered.v1", payload).isEmpty());
    }
}
