package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.catalogue.Catalogue;

/** Test helpers for R25: products with consumption figures, delivered orders, the customer's consents. */
final class Replenishments {
    static final String DUE = "ru.parus.order.ReplenishmentDue.v1";
    static final String CUSTOMER_CONSUMER = "order-service.customer-events";

    private Replenishments() {
    }

    static Clock clock() {
        return Catalogue.clock();
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    /** A product of the category with one variant per SKU, each with the consumption figures; returns its id. */
    static String product(String category, Integer servingsPerPack, String dailyServings, String... skus) {
        StringBuilder variants = new StringBuilder();
        for (int i = 0; i < skus.length; i++) {
            variants.append(i == 0 ? "" : ",").append("""
                    {"sku":"%s","flavour":"вкус %d","size":"пробник","priceKopecks":%d,"stock":1000,
                     "servingsPerPack":%s,"dailyServings":%s}""".formatted(skus[i], i, 10000 + i * 1000, servingsPerPack,
                    dailyServings));
        }
        return Catalogue.create("""
                {"name":"R25 %s","purpose":"Восстановление","usageRules":"1 порция в день","category":"%s",
                 "storefronts":["LACTOMIN"],"variants":[%s]}""".formatted(UUID.randomUUID(), category, variants));
    }

    /** A phone order of the customer for the SKU, its two upsell offers answered (R7); returns its id. */
    static String order(UUID customerId, String sku, int quantity) {
        String id = given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"customerId":"%s","lines":[{"sku":"%s","quantity":%d}]}""".formatted(customerId, sku, quantity))
                .post("/orders").then().statusCode(201).extract().path("id");
        for (String offer : new String[] { "SHAKER-700", "OMEGA3-90" }) {
            given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON)
                    .body("{\"sku\":\"" + offer + "\",\"answer\":\"DECLINED\"}").post("/orders/{id}/offers", id).then()
                    .statusCode(201);
        }
        return id;
    }

    /** Agrees cash-on-delivery terms, confirms, and reports the order delivered at {@code at} with the cash collected. */
    static void deliver(String orderId, OffsetDateTime at) throws Exception {
        delivered(orderId, at, confirmCash(orderId));
    }

    /** Agrees cash-on-delivery terms and confirms; returns the amount payable. */
    static int confirmCash(String orderId) {
        LocalDate tomorrow = LocalDate.now(clock().withZone(ZoneId.of("Europe/Moscow"))).plusDays(1);
        Orders.agree(orderId, Orders.courierCash(tomorrow)).statusCode(200);
        return Orders.confirm(orderId).statusCode(200).extract().path("payableKopecks");
    }

    /** fulfillment-service reports the order delivered at {@code at} with {@code payable} collected. */
    static void delivered(String orderId, OffsetDateTime at, int payable) throws Exception {
        TestKafka.send("fulfillment-events", "SHP-" + orderId, """
                {"shipmentId":"SHP-%s","orderId":"%s","deliveredAt":"%s","cashCollectedKopecks":%d}"""
                .formatted(orderId, orderId, at, payable),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "ru.parus.fulfillment.ShipmentDelivered.v1"));
    }

    /** The order's (first) line's R25 columns, once the line was planned. */
    static Map<String, Object> awaitPlanned(String orderId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> line(orderId).get("replenish_due_at") != null);
        return line(orderId);
    }

    /** The order's (first) line's R25 columns, once the scan judged it. */
    static Map<String, Object> awaitJudged(String orderId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> line(orderId).get("replenish_outcome") != null);
        return line(orderId);
    }

    static Map<String, Object> line(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em().createNativeQuery("""
                    SELECT id, CAST(replenish_started_on AS text), CAST(replenish_run_out_on AS text), replenish_basis,
                           replenish_due_at, replenish_sent_at, replenish_outcome, CAST(family_id AS text)
                    FROM order_line WHERE order_id = ?1 ORDER BY line_no LIMIT 1""")
                    .setParameter(1, UUID.fromString(orderId)).getSingleResult();
            Map<String, Object> m = new java.util.HashMap<>();
            String[] names = { "id", "replenish_started_on", "replenish_run_out_on", "replenish_basis", "replenish_due_at",
                    "replenish_sent_at", "replenish_outcome", "family_id" };
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], r[i]);
            }
            return m;
        });
    }

    /** ReplenishmentDue outbox rows of the order. */
    static long outboxRows(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2")
                .setParameter(1, orderId).setParameter(2, DUE).getSingleResult()).longValue());
    }

    /** CustomerConsentChanged from customer-service with these channels granted (none: every consent withdrawn). */
    static void consents(UUID customerId, long version, String... granted) throws Exception {
        StringBuilder consents = new StringBuilder("{\"channel\":\"VK\",\"granted\":false,\"changedAt\":\"2026-11-27T10:05:00Z\",\"method\":\"CALL\"}");
        for (String channel : granted) {
            consents.append(",{\"channel\":\"").append(channel)
                    .append("\",\"granted\":true,\"changedAt\":\"2026-11-27T10:05:00Z\",\"method\":\"CALL\"}");
        }
        sendCustomerEvent(customerId, "CustomerConsentChanged", """
                {"customerId":"%s","consents":[%s],"preferredChannel":null,"quietHours":null,"timeZone":null,
                 "addresses":{},"changedAt":"2026-11-27T10:05:00Z","changedBy":"manager-1","version":%d}"""
                .formatted(customerId, consents, version));
    }

    /** CustomerRegistered from customer-service, with this main phone (or none), no consents. */
    static void registered(UUID customerId, String phone) throws Exception {
        sendCustomerEvent(customerId, "CustomerRegistered", """
                {"customerId":"%s","name":"R25 Покупатель","phone":%s,"email":null,"type":"ATHLETE",
                 "registeredAt":"2026-11-27T09:00:00Z"}""".formatted(customerId, phone == null ? "null" : "\"" + phone + "\""));
    }

    /** CustomerRegistered with an owner manager, no phone, no consents. */
    static void registeredWithOwner(UUID customerId, String owner) throws Exception {
        sendCustomerEvent(customerId, "CustomerRegistered", """
                {"customerId":"%s","name":"R25 Покупатель","phone":null,"email":null,"type":"ATHLETE",
                 "ownerManagerId":"%s","registeredAt":"2026-11-27T09:00:00Z"}""".formatted(customerId, owner));
    }

    /** CustomersMerged from customer-service (R24): {@code merged} is now {@code survivor}. */
    static void merged(UUID merged, UUID survivor) throws Exception {
        sendCustomerEvent(survivor, "CustomersMerged", """
                {"survivingCustomerId":"%s","mergedCustomerId":"%s","mergedAt":"2026-11-27T11:00:00Z","mergedBy":"head-1",
                 "orderCount":1,"lifetimeValueKopecks":10000,"lastOrderAt":"2026-11-25T12:00:00Z"}"""
                .formatted(survivor, merged));
    }

    static void erased(UUID customerId) throws Exception {
        sendCustomerEvent(customerId, "CustomerErased", """
                {"customerId":"%s","erasedAt":"2026-11-27T10:05:00Z","erasedBy":"admin-1"}""".formatted(customerId));
    }

    static void sendCustomerEvent(UUID customerId, String name, String payload) throws Exception {
        String eventId = UUID.randomUUID().toString();
        TestKafka.send("customer-events", customerId.toString(), payload,
                TestKafka.cloudEventHeaders(eventId, "ru.parus.customer." + name + ".v1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em()
                .createNativeQuery("SELECT count(*) FROM inbox WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, CUSTOMER_CONSUMER).setParameter(2, eventId).getSingleResult()).intValue() == 1));
    }

    static List<String> skus(String base, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> Catalogue.sku(base)).toList();
    }
}
