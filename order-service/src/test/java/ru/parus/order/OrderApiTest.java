package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestInfra;

@QuarkusTest
class OrderApiTest {
    static final String MANAGER = TestInfra.token("manager-1", "MANAGER");

    @Inject
    EntityManager em;

    static ValidatableResponse place(String body, String idempotencyKey) {
        var request = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/orders").then();
    }

    static String order(UUID customer) {
        return """
                {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":2,"unitPriceKopecks":1},
                {"sku":"CREA-MONO-300","quantity":1}]}""".formatted(customer);
    }

    @Test
    void R3_aPhoneOrderIsPricedFromTheCatalogueAndRecordsItsManager() {
        UUID customer = UUID.randomUUID();
        String id = place(order(customer), null)
                .statusCode(201)
                .body("channel", equalTo("PHONE"))
                .body("status", equalTo("NEW"))
                .body("managerId", equalTo("manager-1"))
                .body("lines[0].unitPriceKopecks", equalTo(249000))
                .body("lines[0].lineTotalKopecks", equalTo(498000))
                .body("lines[1].unitPriceKopecks", equalTo(51000))
                .body("totalKopecks", equalTo(549000))
                .body("currency", equalTo("RUB"))
                .extract().path("id");
        given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("lines.size()", equalTo(2));
    }

    @Test
    void theSameSkuTwiceIsOneLine() {
        place("""
                {"customerId":"%s","lines":[{"sku":"BAR-PROT-60","quantity":2},{"sku":"BAR-PROT-60","quantity":3}]}"""
                .formatted(UUID.randomUUID()), null)
                .statusCode(201)
                .body("lines.size()", equalTo(1))
                .body("lines[0].quantity", equalTo(5))
                .body("totalKopecks", equalTo(60000));
    }

    @Test
    void anIdempotencyKeyNeverPlacesASecondOrder() {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = place(order(customer), key).statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        String second = place(order(customer), key).statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .extract().path("id");
        assertEquals(first, second);
        long rows = QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery(
                "select count(o) from Order o where o.customerId = :c").setParameter("c", customer).getSingleResult());
        assertEquals(1, rows);
        long events = QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery(
                "select count(m) from OutboxMessage m where m.aggregateId = :id").setParameter("id", first).getSingleResult());
        assertEquals(1, events, "one OrderPlaced for one order");

        place("""
                {"customerId":"%s","lines":[{"sku":"OMEGA3-90","quantity":1}]}""".formatted(customer), key)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"))
                .body("orderId", equalTo(first));
    }

    @Test
    void unknownSkusAreListedByLine() {
        place("""
                {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":1},{"sku":"NO-SUCH-SKU","quantity":1}]}"""
                .formatted(UUID.randomUUID()), null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"))
                .body("errors.field", hasItem("lines[1].sku"));
    }

    @Test
    void invalidFieldsAreValidationProblems() {
        place("""
                {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":0}]}""".formatted(UUID.randomUUID()), null)
                .statusCode(400)
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("lines[0].quantity"));
        place("{\"lines\":[]}", null)
                .statusCode(400)
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("customerId"))
                .body("errors.field", hasItem("lines"));
        place("{\"customerId\":\"not-a-uuid\",\"lines\":[{\"sku\":\"X\",\"quantity\":1}]}", null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"))
                .body("errors.field", hasItem("customerId"));
        place("{\"customerId\":", null)
                .statusCode(400)
                .body("type", equalTo("urn:parus:problem:malformed-request"));
    }

    @Test
    void onlyManagersAndTheHeadTakeOrders() {
        given().contentType(ContentType.JSON).body(order(UUID.randomUUID())).post("/orders")
                .then().statusCode(401).body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).contentType(ContentType.JSON)
                .body(order(UUID.randomUUID())).post("/orders")
                .then().statusCode(403).body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(MANAGER).get("/orders/{id}", UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:parus:problem:not-found"));
    }

    @Test
    void theCatalogueIsListedWithPrices() {
        given().auth().oauth2(MANAGER).get("/products?size=5")
                .then().statusCode(200)
                .body("items.size()", equalTo(5))
                .body("total", greaterThanOrEqualTo(10)); // the catalogue tests add products of their own
        given().auth().oauth2(MANAGER).get("/products?size=0")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }
}
