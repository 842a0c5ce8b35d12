package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentStatus;
import ru.parus.fulfillment.repository.ShipmentRepository;
import ru.parus.infra.test.EndpointChecks;
import ru.parus.infra.test.TestInfra;

@QuarkusTest
class ShipmentApiTest {
    static final String WAREHOUSE = TestInfra.token("wh-1", "WAREHOUSE");
    
    @Inject
    ShipmentRepository shipments;

    @Test
    void aStoredShipmentIsReadBackWithItsVersionAsETag() {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = UUID.randomUUID();
        shipment.status = ShipmentStatus.CREATED;
        shipment.details = "{\"lines\":[]}";
        shipment.deliveryMethod = "PICKUP_POINT";
        shipment.createdAt = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> shipments.persist(shipment));

        for (String token : new String[] { WAREHOUSE, TestInfra.token("manager-1", "MANAGER") }) {
            given().auth().oauth2(token).get("/shipments/{id}", shipment.id)
                    .then().statusCode(200)
                    .header("ETag", equalTo("\"0\""))
                    .body("orderId", equalTo(shipment.orderId.toString()))
                    .body("status", equalTo("CREATED"))
                    .body("deliveryMethod", equalTo("PICKUP_POINT"))
                    .body("createdAt", equalTo("2026-11-20T09:00:00Z"));
        }
    }

    @Test
    void readByIdAnswersProblemsForNoTokenWrongRoleAndUnknownIds() {
        EndpointChecks.readByIdIsGuarded("/shipments", WAREHOUSE, TestInfra.token("someone-1", "GUEST"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        EndpointChecks.operationalEndpointsAreOpen();
    }
}
