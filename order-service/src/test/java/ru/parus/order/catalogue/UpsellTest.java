package ru.parus.order.catalogue;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.order.catalogue.Catalogue.HEAD;
import static ru.parus.order.catalogue.Catalogue.MANAGER;
import static ru.parus.order.catalogue.Catalogue.create;
import static ru.parus.order.catalogue.Catalogue.product;
import static ru.parus.order.catalogue.Catalogue.sku;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.repository.CustomerTypes;
import ru.parus.order.service.UpsellConfirmationRule;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.testing.EventSchemas;

@QuarkusTest
class UpsellTest {
    static final String REGISTERED = "ru.parus.customer.CustomerRegistered.v1";

    @Inject
    UpsellConfirmationRule confirmationRule;
    @Inject
    CustomerTypes customerTypes;
    @Inject
    EntityManager em;

    @AfterAll
    static void cleanUp() {
        Catalogue.takeTestProductsOffSale();
    }

    static String placeOrder(UUID customer, String... skus) {
        StringBuilder lines = new StringBuilder();
        for (String s : skus) {
            lines.append(lines.length() == 0 ? "" : ",").append("{\"sku\":\"" + s + "\",\"quantity\":1}");
        }
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"%s\",\"lines\":[%s]}".formatted(customer, lines)).post("/orders")
                .then().statusCode(201).extract().path("id");
    }

    static String rule(String kind, String trigger, String type, String offer, int priority, String extra) {
        return """
                {"kind":"%s","triggerSku":%s,"customerType":%s,"offerSku":"%s","priority":%d%s}""".formatted(kind,
                trigger == null ? "null" : "\"" + trigger + "\"", type == null ? "null" : "\"" + type + "\"", offer,
                priority, extra);
    }

    static String addRule(String json) {
        return given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(json).post("/cross-sell-rules")
                .then().statusCode(201).extract().path("id");
    }

    /** The customer's type arrives as customer-service's CustomerRegistered, built from its schema's example. */
    static void registerCustomer(UUID customer, String type, String eventId) throws Exception {
        String event = EventSchemas.examples("CustomerRegistered.v1").get(0)
                .replaceFirst("\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + customer + "\"")
                .replaceFirst("\"type\":\"[^\"]+\"", "\"type\":\"" + type + "\"");
        TestKafka.send("customer-events", customer.toString(), event, TestKafka.cloudEventHeaders(eventId, REGISTERED));
    }

    static String uniqueType() {
        return "T_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
    }

    @Test
    void R8_theHeadKeepsTheCrossSellMap() {
        String x = sku("X"), y = sku("Y");
        create(product("Карта " + x, "PROTEIN", "\"LACTOMIN\"", "", 5, x, y));
        String id = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body(rule("WITH_PRODUCT", x, null, y, 10, ",\"validFrom\":\"2026-01-01T00:00:00Z\""))
                .post("/cross-sell-rules").then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("triggerSku", equalTo(x)).body("updatedBy", equalTo("head-1")).extract().path("id");
        given().auth().oauth2(MANAGER).get("/cross-sell-rules?sku={s}", x).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(rule("WITH_PRODUCT", x, null, y, 10, ""))
                .post("/cross-sell-rules").then().statusCode(403).body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule("FOR_CUSTOMER_TYPE", null, "ATHLETE", y, 20, "")).put("/cross-sell-rules/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("customerType", equalTo("ATHLETE"))
                .body("priority", equalTo(20));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(rule("FOR_CUSTOMER_TYPE", null, "ATHLETE", y, 30, "")).put("/cross-sell-rules/{id}", id)
                .then().statusCode(412).body("type", equalTo("urn:parus:problem:precondition-failed"));
        // bad rules
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body(rule("WITH_PRODUCT", null, "ATHLETE", "T-NO-SUCH", 10,
                        ",\"validFrom\":\"2027-01-01T00:00:00Z\",\"validUntil\":\"2026-01-01T00:00:00Z\""))
                .post("/cross-sell-rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("triggerSku", "customerType", "offerSku", "validUntil"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(rule("WITH_PRODUCT", x, null, x, 10, ""))
                .post("/cross-sell-rules").then().statusCode(400).body("errors.field", hasItem("offerSku"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(rule("SOMETIMES", x, null, y, 10, ""))
                .post("/cross-sell-rules").then().statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"kind\":\"WITH_PRODUCT\",\"priority\":5000}")
                .post("/cross-sell-rules").then().statusCode(400).body("errors.field", hasItems("offerSku", "priority"));
        given().auth().oauth2(HEAD).delete("/cross-sell-rules/{id}", id).then().statusCode(428)
                .body("type", equalTo("urn:parus:problem:precondition-required"));
        given().auth().oauth2(HEAD).header("If-Match", "\"1\"").delete("/cross-sell-rules/{id}", id).then().statusCode(204);
        given().auth().oauth2(MANAGER).get("/cross-sell-rules/{id}", id).then().statusCode(404);

        List<ConsumerRecord<String, String>> events = TestKafka.awaitRecords("catalogue-events", r -> id.equals(r.key()), 3,
                Duration.ofSeconds(10));
        assertEquals(3, events.size());
        events.forEach(e -> assertTrue(EventSchemas.violations("CrossSellRuleChanged.v1", e.value()).isEmpty(),
                () -> EventSchemas.violations("CrossSellRuleChanged.v1", e.value()) + " in " + e.value()));
        assertTrue(events.get(2).value().contains("\"change\":\"DELETED\""));
    }

    @Test
    void R7_suggestionsComeFromTheMapTheCustomersTypeAndFeaturedItems_excludingWhatIsInTheOrderOrUnavailable()
            throws Exception {
        String a = sku("A"), a2 = sku("A2"), b = sku("B"), c = sku("C"), d = sku("D"), e = sku("E"), f = sku("F");
        create(product("Основной " + a, "PROTEIN", "\"LACTOMIN\"", "", 5, a, a2));
        create(product("К протеину " + b, "ACCESSORIES", "\"LACTOMIN\"", "", 5, b));
        create(product("Для типа " + c, "CREATINE", "\"LACTOMIN\"", "", 5, c));
        create(product("Особый " + d, "VITAMINS", "\"LACTOMIN\"", ",\"featuredFrom\":\"2026-01-01T00:00:00Z\"", 5, d));
        create(product("Новинка " + e, "BARS", "\"LACTOMIN\"", ",\"newFrom\":\"2026-01-01T00:00:00Z\"", 5, e));
        create(product("Нет в наличии " + f, "BARS", "\"LACTOMIN\"", "", 0, f));
        String type = uniqueType();
        addRule(rule("WITH_PRODUCT", a, null, b, 10, ""));
        addRule(rule("WITH_PRODUCT", a, null, f, 99, "")); // out of stock: never offered
        addRule(rule("WITH_PRODUCT", a, null, a2, 98, "")); // another variant of what is ordered
        addRule(rule("WITH_PRODUCT", a, null, e, 5, ",\"validUntil\":\"2026-01-02T00:00:00Z\"")); // expired
        addRule(rule("FOR_CUSTOMER_TYPE", null, type, c, 10, ""));
        UUID customer = UUID.randomUUID();
        registerCustomer(customer, type, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> customerTypes.of(customer).isPresent());

        String order = placeOrder(customer, a);
        given().auth().oauth2(MANAGER).get("/orders/{id}/suggestions", order).then().statusCode(200)
                .body("items.sku", contains(b, c, d))
                .body("items.reason", contains("GOES_WITH:" + a, "TRADITIONAL_FOR_TYPE", "FEATURED"))
                .body("items[0].priceKopecks", equalTo(100000));
        // with the map's item already in the order, the next source moves up: a new item
        String withB = placeOrder(customer, a, b);
        given().auth().oauth2(MANAGER).get("/orders/{id}/suggestions", withB).then()
                .body("items.sku", contains(c, d, e)).body("items[2].reason", equalTo("NEW"))
                .body("items.sku", not(hasItem(f)));

        long start = System.nanoTime();
        int calls = 20;
        for (int i = 0; i < calls; i++) {
            given().auth().oauth2(MANAGER).get("/orders/{id}/suggestions", order).then().statusCode(200);
        }
        System.out.printf("R7 suggestions: %.1f ms per HTTP call (mean of %d)%n", (System.nanoTime() - start) / 1e6 / calls, calls);
        given().auth().oauth2(MANAGER).get("/orders/{id}/suggestions", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(Catalogue.ADMIN).get("/orders/{id}/suggestions", order).then().statusCode(403);
    }

    @Test
    void R7_boughtTogetherIsLearnedFromOrderHistory() {
        String x = sku("BTX"), y = sku("BTY"), z = sku("BTZ");
        create(product("Вместе " + x, "GAINER", "\"WATTN\"", "", 50, x));
        create(product("Вместе " + y, "AMINO_ACIDS", "\"WATTN\"", "", 50, y));
        create(product("Отдельно " + z, "AMINO_ACIDS", "\"WATTN\"", "", 50, z));
        for (int i = 0; i < 3; i++) {
            placeOrder(UUID.randomUUID(), x, y);
        }
        placeOrder(UUID.randomUUID(), z);
        placeOrder(UUID.randomUUID(), x, z);
        String order = placeOrder(UUID.randomUUID(), x);
        given().auth().oauth2(MANAGER).get("/orders/{id}/suggestions", order).then().body("items.sku", not(hasItem(y)));
        given().auth().oauth2(MANAGER).post("/cross-sell/bought-together/refresh").then().statusCode(403);
        given().auth().oauth2(HEAD).post("/cross-sell/bought-together/refresh").then().statusCode(200);

        Object[] pair = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT pair_orders, confidence, lift, support FROM bought_together WHERE sku = ?1 AND other_sku = ?2")
                .setParameter(1, x).setParameter(2, y).getSingleResult());
        assertEquals(3, ((Number) pair[0]).intValue(), "three orders hold both");
        assertEquals(0.6, ((Number) pair[1]).doubleValue(), 1e-9, "3 of the 5 orders with x hold y");
        assertTrue(((Number) pair[2]).doubleValue() > 1, "more often than by chance");
        long xz = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM bought_together WHERE sku = ?1 AND other_sku = ?2").setParameter(1, x)
                .setParameter(2, z).getSingleResult()).longValue());
        assertEquals(0, xz, "one order together is below the minimum support");
        given().auth().oauth2(MANAGER).get("/orders/{id}/suggestions", order).then()
                .body("items.find { it.sku == '%s' }.reason".formatted(y), equalTo("BOUGHT_TOGETHER"));
    }

    @Test
    void R7_anAcceptedOfferAddsALinePricedFromTheCatalogue_aDeclinedOneIsKept() {
        String main = sku("M"), extra = sku("EX"), no = sku("NO"), out = sku("OUT");
        create(product("Заказ " + main, "PROTEIN", "\"LACTOMIN\"", "", 5, main));
        create(product("Допродажа " + extra, "ACCESSORIES", "\"LACTOMIN\"", "", 5, extra, no));
        create(product("Кончился " + out, "ACCESSORIES", "\"LACTOMIN\"", "", 0, out));
        String order = placeOrder(UUID.randomUUID(), main);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"ACCEPTED\",\"quantity\":2,\"reason\":\"FEATURED\"}".formatted(extra))
                .post("/orders/{id}/offers", order).then().statusCode(201)
                .body("answer", equalTo("ACCEPTED")).body("recordedBy", equalTo("manager-1")).body("quantity", equalTo(2));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"DECLINED\"}".formatted(no))
                .post("/orders/{id}/offers", order).then().statusCode(201).body("quantity", equalTo(1));
        given().auth().oauth2(MANAGER).get("/orders/{id}", order).then()
                .body("lines.sku", contains(main, extra))
                .body("lines[1].unitPriceKopecks", equalTo(100000))
                .body("totalKopecks", equalTo(300000));
        given().auth().oauth2(MANAGER).get("/orders/{id}/offers", order).then().statusCode(200)
                .body("sku", contains(extra, no)).body("answer", contains("ACCEPTED", "DECLINED"))
                .body("recordedAt[1]", not(equalTo(null)));

        // bad offers
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"DECLINED\"}".formatted(no)).post("/orders/{id}/offers", order)
                .then().statusCode(409).body("type", equalTo("urn:parus:problem:conflict"))
                .body("status", equalTo(409));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"ACCEPTED\"}".formatted(out)).post("/orders/{id}/offers", order)
                .then().statusCode(422).body("errors.field", hasItem("sku"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"T-NO-SUCH-SKU\",\"answer\":\"DECLINED\"}").post("/orders/{id}/offers", order)
                .then().statusCode(422).body("type", equalTo("urn:parus:problem:unprocessable"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"MAYBE\"}".formatted(out)).post("/orders/{id}/offers", order)
                .then().statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"quantity\":0}")
                .post("/orders/{id}/offers", order).then().statusCode(400)
                .body("errors.field", hasItems("sku", "answer", "quantity"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"DECLINED\"}".formatted(out)).post("/orders/{id}/offers", UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Catalogue.ADMIN).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"DECLINED\"}".formatted(out)).post("/orders/{id}/offers", order)
                .then().statusCode(403);

        List<ConsumerRecord<String, String>> events = TestKafka.awaitRecords("order-events", r -> order.equals(r.key())
                && "ru.parus.order.UpsellOfferRecorded.v1".equals(TestKafka.header(r, "ce_type")), 2, Duration.ofSeconds(10));
        assertEquals(2, events.size());
        events.forEach(e -> assertTrue(EventSchemas.violations("UpsellOfferRecorded.v1", e.value()).isEmpty(),
                () -> EventSchemas.violations("UpsellOfferRecorded.v1", e.value()) + " in " + e.value()));
        assertTrue(events.get(0).value().contains("\"lineAdded\":true") && events.get(0).value().contains("\"orderTotalKopecks\":300000"));
    }

    @Test
    void R7_aPhoneOrderNeedsTwoAnsweredOffersBeforeConfirmation() {
        String main = sku("R7M"), one = sku("R7A"), two = sku("R7B");
        create(product("Правило " + main, "PROTEIN", "\"LACTOMIN\"", "", 5, main, one, two));
        String orderId = placeOrder(UUID.randomUUID(), main);
        // loaded as the rule sees it at confirmation, without a caller (OrderService.get is a staff read, R24)
        Order order = QuarkusTransaction.requiringNew().call(() -> em.find(Order.class, UUID.fromString(orderId)));
        List<Problem.FieldError> none = confirmationRule.violations(order);
        assertEquals(1, none.size());
        assertEquals("offers", none.get(0).field());
        assertTrue(none.get(0).message().contains("2 missing"), none.get(0).message());

        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"DECLINED\"}".formatted(one)).post("/orders/{id}/offers", orderId)
                .then().statusCode(201);
        List<Problem.FieldError> oneMissing = confirmationRule.violations(order);
        assertTrue(oneMissing.get(0).message().contains("1 missing"), oneMissing.get(0).message());

        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"%s\",\"answer\":\"ACCEPTED\"}".formatted(two)).post("/orders/{id}/offers", orderId)
                .then().statusCode(201);
        assertEquals(List.of(), confirmationRule.violations(order));

        Order storefront = new Order();
        storefront.id = UUID.randomUUID();
        storefront.channel = Channel.WATTN;
        assertEquals(List.of(), confirmationRule.violations(storefront), "R7 binds phone orders only");
    }

    @Test
    void R7_customerTypesAreProjectedOnceFromCustomerEvents() throws Exception {
        UUID customer = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        registerCustomer(customer, "ATHLETE", eventId);
        registerCustomer(customer, "WHOLESALE", eventId); // a redelivery of the same event id: ignored
        TestKafka.send("customer-events", customer.toString(), "{\"customerId\":\"not-a-uuid\",\"type\":\"X\"}",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), REGISTERED)); // poison: to the dead-letter topic
        UUID later = UUID.randomUUID();
        registerCustomer(later, "FITNESS", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> customerTypes.of(later).isPresent());
        assertEquals(Optional.of("ATHLETE"), customerTypes.of(customer));
        assertEquals(1, TestKafka.awaitRecords("customer-events.order-service.dlq",
                r -> r.value().contains("not-a-uuid"), 1, Duration.ofSeconds(15)).size());
    }
}
