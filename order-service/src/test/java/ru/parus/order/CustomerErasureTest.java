package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R24: a customer erased in customer-service (CustomerErased on customer-events) loses their personal data in
 * order-service too: the projection's name, phone and e-mail; every order's recipient, address, packaging notes and
 * the staff's free text about it; the terms in the history. Orders stay with their ids, lines, statuses and money.
 */
@QuarkusTest
class CustomerErasureTest {
    static final String CONSUMER = "order-service.customer-events";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    static void send(UUID customerId, String name, String payload, String eventId) throws Exception {
        TestKafka.send("customer-events", customerId.toString(), payload,
                TestKafka.cloudEventHeaders(eventId, "ru.parus.customer." + name + ".v1"));
    }

    void awaitConsumed(String... eventIds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM inbox WHERE consumer = ?1 AND event_id IN (?2)")
                .setParameter(1, CONSUMER).setParameter(2, List.of(eventIds)).getSingleResult()).intValue()
                == eventIds.length));
    }

    List<String> texts(String sql, UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql, String.class)
                .setParameter(1, customerId).getResultList().stream().map(String::valueOf).toList());
    }

    /** A phone order of the customer whose two upsell offers were answered (R7), so that it may be confirmed. */
    static String order(UUID customerId) {
        String id = OrderApiTest.place(OrderApiTest.order(customerId), null).statusCode(201).extract().path("id");
        for (String sku : new String[] { "SHAKER-700", "OMEGA3-90" }) {
            given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON)
                    .body("{\"sku\":\"" + sku + "\",\"answer\":\"DECLINED\"}").post("/orders/{id}/offers", id).then()
                    .statusCode(201);
        }
        return id;
    }

    @Test
    void R24_erasedCustomerLeavesNoPersonalDataInOrders() throws Exception {
        UUID customer = UUID.randomUUID();
        String phone = "+7914" + ThreadLocalRandom.current().nextInt(1000000, 9999999);
        String email = "erase-" + customer + "@example.org";
        ObjectNode registered = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerRegistered.v1").get(0));
        registered.put("customerId", customer.toString()).put("phone", phone).put("email", email);
        String registration = UUID.randomUUID().toString();
        send(customer, "CustomerRegistered", registered.toString(), registration);
        awaitConsumed(registration);

        String terms = """
                {"paymentMethod":"CASH_TO_COURIER","deliveryMethod":"COURIER",
                 "recipient":{"name":"Анна Смирнова","phone":"8 (912) 345-67-89"},
                 "address":{"postalCode":"620014","region":"Свердловская обл.","city":"Екатеринбург",
                   "street":"ул. Малышева","house":"51","apartment":"12","comment":"домофон 12"},
                 "deliveryDate":"%s","windowFrom":"10:00","windowTo":"14:00",
                 "packagingNotes":"для Анны, без пакета"}""".formatted(LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(2)); // the application's clock: other tests move it
        // confirmed with a discount, then cancelled with a reason about the customer
        String cancelled = order(customer);
        Orders.agree(cancelled, terms).statusCode(200);
        DiscountTest.discount(Orders.MANAGER, cancelled, "{\"percent\":3,\"reason\":\"Анна постоянная клиентка\"}")
                .statusCode(200);
        Orders.confirm(cancelled).statusCode(200);
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{\"reason\":\"Анна переезжает в Пермь\"}")
                .post("/orders/{id}/cancel", cancelled).then().statusCode(200);
        // terms agreed, not yet confirmed
        String open = order(customer);
        Orders.agree(open, terms).statusCode(200);
        String etag = Orders.version(open);

        String erased = EventSchemas.examples("CustomerErased.v1").get(0)
                .replace("5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55", customer.toString());
        String eventId = UUID.randomUUID().toString();
        send(customer, "CustomerErased", erased, eventId);
        send(customer, "CustomerErased", erased, eventId); // the inbox drops the copy
        String again = UUID.randomUUID().toString();
        send(customer, "CustomerErased", erased, again); // the same fact under a new id: blank stays blank
        awaitConsumed(eventId, again);

        // rows
        assertEquals(List.of("null|null|null|ATHLETE"), texts("SELECT concat_ws('|', coalesce(name, 'null'), "
                + "coalesce(phone, 'null'), coalesce(email, 'null'), type) FROM customer_projection WHERE customer_id = ?1",
                customer));
        List<String> orders = texts("SELECT concat_ws('|', recipient_name, recipient_phone, address_postal_code, "
                + "address_region, address_city, address_street, address_house, address_apartment, address_comment, "
                + "packaging_notes) FROM customer_order WHERE customer_id = ?1", customer);
        assertEquals(List.of("", ""), orders);
        List<String> free = texts("SELECT coalesce(h.reason, '') || ' ' || coalesce(h.details, '') FROM order_history h "
                + "JOIN customer_order o ON o.id = h.order_id WHERE o.customer_id = ?1", customer);
        free = new java.util.ArrayList<>(free);
        free.addAll(texts("SELECT coalesce(discount_reason, '') FROM customer_order WHERE customer_id = ?1", customer));
        for (String text : free) {
            for (String personal : new String[] { "Анн", "+79123456789", "Малышева", "620014", "домофон", "Пермь" }) {
                assertFalse(text.contains(personal), "still holds '" + personal + "': " + text);
            }
        }
        assertEquals(List.of("549000"), texts("SELECT DISTINCT total_kopecks::text FROM customer_order "
                + "WHERE customer_id = ?1", customer));

        // REST: the blanks, no error; the order's figures and status as before, a new version
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}", cancelled).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("totalKopecks", equalTo(549000))
                .body("terms.recipient.name", nullValue()).body("terms.recipient.phone", nullValue())
                .body("terms.address", nullValue()).body("terms.packagingNotes", nullValue())
                .body("terms.deliveryMethod", equalTo("COURIER")).body("lines", hasSize(2));
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}", open).then().statusCode(200)
                .header("ETag", not(equalTo(etag))).body("status", equalTo("NEW"))
                .body("terms.recipient.name", nullValue()).body("terms.address", nullValue());
        String history = given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", cancelled).then()
                .statusCode(200).extract().asString();
        for (String personal : new String[] { "Анн", "Малышева", "620014", "домофон", "Пермь" }) {
            assertFalse(history.contains(personal), "history still shows '" + personal + "': " + history);
        }
        assertNotEquals(etag, Orders.version(open));
    }
}
