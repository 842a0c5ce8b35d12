package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.repository.ShipmentRepository;
import ru.parus.infra.test.TestInfra;

@QuarkusTest
class ShipmentApiTest {
    static final String WAREHOUSE = TestInfra.token("wh-1", "WAREHOUSE");
    static final String UNKNOWN = "6f1c9a8e-0000-4000-8000-000000000000";

    @Inject
    ShipmentRepository shipments;

    @Test
    void aStoredShipmentIsReadBackWithItsVersionAsETag() {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = UUID.randomUUID();
        shipment.status = "NEW";
        shipment.deliveryMethod = "PICKUP_POINT";
        shipment.createdAt = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> shipments.persist(shipment));

        for (String token : new String[] { WAREHOUSE, TestInfra.token("manager-1", "MANAGER") }) {
            given().auth().oauth2(token).get("/shipments/{id}", shipment.id)
                    .then().statusCode(200)
                    .header("ETag", equalTo("\"0\""))
                    .body("orderId", equalTo(shipment.orderId.toString()))
                    .body("status", equalTo("NEW"))
                    .body("deliveryMethod", equalTo("PICKUP_POINT"))
                    .body("createdAt", equalTo("2026-11-20T09:00:00Z"));
        }
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", UNKNOWN)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(WAREHOUSE).get("/shipments/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenIs401AndATokenWithoutAStaffRoleIs403BothAsProblems() {
        given().get("/shipments/{id}", UNKNOWN)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        // every staff role may read shipments, so the wrong role is none of them
        given().auth().oauth2(TestInfra.token("someone-1", "GUEST")).get("/shipments/{id}", UNKNOWN)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:forbidden"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
