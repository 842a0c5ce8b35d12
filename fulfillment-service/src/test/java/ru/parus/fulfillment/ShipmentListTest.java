package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.fulfillment.Fixtures.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;

/**
 * The warehouse's list of shipments (GET /shipments): paged, newest first, scoped by R24 and R22; with orderId the same
 * page holding the order's shipment (issue 14: one response schema for the operation).
 */
@QuarkusTest
class ShipmentListTest {
    @Inject
    EntityManager em;

    static JsonPath list(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/shipments").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    static List<String> ids(JsonPath page) {
        return page.getList("items.id");
    }

    /** A Russian Post order of this customer, shipped and, if asked, packed; returns the shipment id. */
    static String postShipment(UUID customerId, boolean pack) throws Exception {
        UUID orderId = UUID.randomUUID();
        ObjectNode order = postOrder(orderId);
        order.put("customerId", customerId.toString());
        String id = shipped(order);
        if (pack) {
            report(id, packed("list-pack-" + orderId)).statusCode(200);
        }
        return id;
    }

    @Test
    void R12_byOrderIdThePageHoldsTheOrdersShipmentAsAListItemOrNothing() throws Exception {
        String id = postShipment(UUID.randomUUID(), true);
        String orderId = given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", id).then().statusCode(200)
                .extract().path("orderId");

        JsonPath page = list(WAREHOUSE, Map.of("orderId", orderId));
        assertEquals(1, page.getLong("total"));
        assertEquals(0, page.getInt("page"));
        assertEquals(1, page.getInt("size"));
        assertEquals(List.of(id), ids(page));
        assertEquals("PACKED", page.getString("items[0].status"));
        assertEquals(orderId, page.getString("items[0].orderId"));
        // a list item, as without orderId: no recipient, address or lines (GET /shipments/{id} has them)
        given().auth().oauth2(WAREHOUSE).queryParam("orderId", orderId).get("/shipments").then()
                .body("items[0]", not(hasKey("recipient"))).body("items[0]", not(hasKey("delivery")))
                .body("items[0]", not(hasKey("lines")));

        JsonPath none = list(WAREHOUSE, Map.of("orderId", UUID.randomUUID()));
        assertEquals(0, none.getLong("total"));
        assertTrue(ids(none).isEmpty(), "an order without a shipment (yet): an empty page");
    }

    @Test
    void R24_theWarehouseListsPackedShipmentsNewestFirstPageByPage() throws Exception {
        List<String> packedIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            packedIds.add(0, postShipment(UUID.randomUUID(), true));
        }
        String notPacked = postShipment(UUID.randomUUID(), false);

        JsonPath all = list(WAREHOUSE, Map.of("status", "PACKED", "deliveryMethod", "RUSSIAN_POST", "size", 100));
        List<String> ids = ids(all);
        assertEquals(packedIds, ids.stream().filter(packedIds::contains).toList(), "newest first: " + ids);
        assertFalse(ids.contains(notPacked));
        assertTrue(all.getList("items.status").stream().allMatch("PACKED"::equals));
        assertTrue(all.getList("items.carrierCode").stream().allMatch("RUSSIAN-POST"::equals));
        assertEquals(100, all.getInt("size"));
        assertEquals(ids.size(), all.getLong("total"));
        // a list shows no recipient, address or lines (R24): GET /shipments/{id} has them
        given().auth().oauth2(WAREHOUSE).queryParams(Map.of("status", "PACKED", "size", 5)).get("/shipments").then()
                .body("items", everyItem(not(hasKey("recipient")))).body("items", everyItem(not(hasKey("delivery"))))
                .body("items", everyItem(not(hasKey("lines")))).body("items[0]", hasKey("weightGrams"));

        // two pages of two are the first four, in order
        JsonPath first = list(WAREHOUSE, Map.of("status", "PACKED", "page", 0, "size", 2));
        JsonPath second = list(WAREHOUSE, Map.of("status", "PACKED", "page", 1, "size", 2));
        JsonPath four = list(WAREHOUSE, Map.of("status", "PACKED", "page", 0, "size", 4));
        List<String> joined = new ArrayList<>(ids(first));
        joined.addAll(ids(second));
        assertEquals(ids(four), joined);
        assertEquals(1, second.getInt("page"));
        assertEquals(2, second.getInt("size"));
        assertEquals(four.getLong("total"), first.getLong("total"));
        assertTrue(first.getLong("total") >= 3);
        long total = first.getLong("total");
        assertTrue(ids(list(WAREHOUSE, Map.of("status", "PACKED", "page", total, "size", 1))).isEmpty(),
                "past the end: an empty page");

        // without a status: every shipment, newest first, 20 by default
        JsonPath everything = list(WAREHOUSE, Map.of());
        assertEquals(0, everything.getInt("page"));
        assertEquals(20, everything.getInt("size"));
        List<OffsetDateTime> created = everything.getList("items.createdAt", String.class).stream()
                .map(OffsetDateTime::parse).toList();
        for (int i = 1; i < created.size(); i++) {
            assertFalse(created.get(i - 1).isBefore(created.get(i)), "newest first: " + created);
        }
        List<String> recent = ids(list(WAREHOUSE, Map.of("deliveryMethod", "RUSSIAN_POST", "size", 100)));
        assertTrue(recent.indexOf(notPacked) >= 0 && recent.indexOf(notPacked) < recent.indexOf(packedIds.get(0)),
                "the unpacked shipment, made last, comes first: " + recent);
        given().auth().oauth2(WAREHOUSE).queryParams(Map.of("carrier", "RUSSIAN-POST", "size", 100)).get("/shipments")
                .then().statusCode(200).body("items.id", hasItem(notPacked))
                .body("items.carrierCode", everyItem(equalTo("RUSSIAN-POST")));
    }

    @Test
    void R22_R24_aManagersListHasTheirOwnUnownedAndDeputisedCustomersShipmentsOnly() throws Exception {
        String a = "manager-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "manager-b-" + UUID.randomUUID().toString().substring(0, 8);
        String ofA = postShipment(registeredCustomer(em, a), true);
        String ofB = postShipment(registeredCustomer(em, b), true);
        String unowned = postShipment(registeredCustomer(em, null), true);
        Map<String, Object> packed = Map.of("status", "PACKED", "size", 100);

        List<String> seenByA = ids(list(TestInfra.token(a, "MANAGER"), packed));
        assertTrue(seenByA.containsAll(List.of(ofA, unowned)), seenByA.toString());
        assertFalse(seenByA.contains(ofB));
        List<String> seenByB = ids(list(TestInfra.token(b, "MANAGER"), packed));
        assertTrue(seenByB.containsAll(List.of(ofB, unowned)), seenByB.toString());
        assertFalse(seenByB.contains(ofA));
        assertTrue(ids(list(HEAD, packed)).containsAll(List.of(ofA, ofB, unowned)));
        assertTrue(ids(list(WAREHOUSE, packed)).containsAll(List.of(ofA, ofB, unowned)));
        JsonPath total = list(TestInfra.token(a, "MANAGER"), Map.of("status", "PACKED", "size", 1));
        assertEquals(seenByA.size(), total.getLong("total"), "the total counts within the scope");

        // R22: while b is away, a covers b's customers
        UUID absence = absenceStarted(em, b, a);
        assertTrue(ids(list(TestInfra.token(a, "MANAGER"), packed)).contains(ofB));
        absenceEnded(em, absence, b, a);
        assertFalse(ids(list(TestInfra.token(a, "MANAGER"), packed)).contains(ofB));
    }

    @Test
    void badStatusPagingOrFiltersAreValidationProblems() {
        record Bad(Map<String, Object> query, String field) {
        }
        for (Bad bad : List.of(new Bad(Map.of("status", "LOST"), "status"), new Bad(Map.of("status", "packed"), "status"),
                new Bad(Map.of("page", -1), "page"), new Bad(Map.of("page", "first"), "page"),
                new Bad(Map.of("page", "99999999999"), "page"), new Bad(Map.of("size", 0), "size"),
                new Bad(Map.of("size", 101), "size"), new Bad(Map.of("size", "1.5"), "size"),
                new Bad(Map.of("carrier", "DHL"), "carrier"), new Bad(Map.of("deliveryMethod", "DRONE"), "deliveryMethod"),
                new Bad(Map.of("orderId", "not-a-uuid"), "orderId"),
                new Bad(Map.of("orderId", UUID.randomUUID(), "status", "PACKED"), "orderId"))) {
            given().auth().oauth2(WAREHOUSE).queryParams(bad.query()).get("/shipments").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation"))
                    .body("errors[0].field", equalTo(bad.field()));
        }
        given().auth().oauth2(WAREHOUSE).queryParam("status", "LOST").get("/shipments").then()
                .body("allowedStatuses", hasItem("PACKED"));
        given().auth().oauth2(WAREHOUSE).queryParam("size", 101).get("/shipments").then().body("maxPageSize", equalTo(100));
        given().get("/shipments").then().statusCode(401);
        given().auth().oauth2(TestInfra.token("someone-1", "GUEST")).get("/shipments").then().statusCode(403);
    }
}
