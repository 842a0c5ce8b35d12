package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R9, R10: the discount ladder over HTTP against the real database and broker. The order of
 * {@link Orders#placePhoneOrder()} totals 549000 kopecks.
 */
@QuarkusTest
class DiscountTest {
    static final String MANAGER = Orders.MANAGER;
    static final String HEAD = Orders.HEAD;
    static final String HEAD_2 = TestInfra.token("head-2", "HEAD");

    @Inject
    ObjectMapper mapper;
    @Inject
    java.time.Clock clock;
    @Inject
    EntityManager em;

    static ValidatableResponse discount(String token, String orderId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/orders/{id}/discount", orderId).then();
    }

    static ValidatableResponse discount(String orderId, String percent) {
        return discount(MANAGER, orderId, "{\"percent\":" + percent + ",\"reason\":\"постоянный клиент\"}");
    }

    static ValidatableResponse approve(String token, String requestId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"крупный клиент\"}")
                .post("/discount-requests/{id}/approve", requestId).then();
    }

    static ValidatableResponse reject(String token, String requestId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/discount-requests/{id}/reject", requestId).then();
    }

    static ValidatableResponse order(String id) {
        return given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().statusCode(200);
    }

    static String requestSeven(String orderId) {
        return discount(orderId, "7").statusCode(202).extract().path("pendingRequest.id");
    }

    static void acceptOffer(String orderId, String sku) {
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"answer\":\"ACCEPTED\"}")
                .post("/orders/{id}/offers", orderId).then().statusCode(201);
    }

    List<ConsumerRecord<String, String>> events(String orderId, String type, int count, Duration wait) {
        return TestKafka.awaitRecords("order-events",
                r -> orderId.equals(r.key()) && ("ru.parus.order." + type + ".v1").equals(TestKafka.header(r, "ce_type")),
                count, wait);
    }

    JsonNode event(String orderId, String type) throws Exception {
        List<ConsumerRecord<String, String>> records = events(orderId, type, 1, Duration.ofSeconds(15));
        assertEquals(1, records.size(), type + " for " + orderId);
        String json = records.get(0).value();
        assertTrue(EventSchemas.violations(type + ".v1", json).isEmpty(),
                () -> EventSchemas.violations(type + ".v1", json) + " in " + json);
        return mapper.readTree(json);
    }

    LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(days);
    }

    @Test
    void R9_upToTheManagersLimitIsAppliedAtOnceRoundedHalfUp() {
        String id = Orders.placePhoneOrder();
        // 549000 x 3.5 / 100 = 19215 exactly
        discount(id, "3.5").statusCode(200).body("percent", equalTo(3.5f)).body("discountKopecks", equalTo(19215))
                .body("payableKopecks", equalTo(529785)).body("pendingRequest", nullValue());
        order(id).body("discountKopecks", equalTo(19215)).body("payableKopecks", equalTo(529785));
        // 549000 x 3.33 / 100 = 18281.7 -> 18282 (half-up); replaces 3.5, never adds
        discount(id, "3.33").statusCode(200).body("discountKopecks", equalTo(18282));
        // 549000 x 0.01 / 100 = 54.9 -> 55; exactly the limit is still the manager's own
        discount(id, "0.01").statusCode(200).body("discountKopecks", equalTo(55));
        discount(id, "5").statusCode(200).body("discountKopecks", equalTo(27450)).body("payableKopecks", equalTo(521550));
        given().auth().oauth2(MANAGER).get("/orders/{id}/history", id).then().statusCode(200)
                .body("findAll { it.kind == 'DISCOUNT' }.size()", equalTo(4))
                .body("findAll { it.kind == 'DISCOUNT' }.actor", hasItem("manager-1"));
        given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void R9_badDiscountInputsAreProblems() {
        String id = Orders.placePhoneOrder();
        for (String body : new String[] { "{\"reason\":\"x\"}", "{\"percent\":-1,\"reason\":\"x\"}",
                "{\"percent\":100.01,\"reason\":\"x\"}", "{\"percent\":3.333,\"reason\":\"x\"}",
                "{\"percent\":3}", "{\"percent\":3,\"reason\":\" \"}", "{\"percent\":\"много\",\"reason\":\"x\"}",
                "not json" }) {
            discount(MANAGER, id, body).statusCode(400).contentType("application/problem+json");
        }
        discount(MANAGER, java.util.UUID.randomUUID().toString(), "{\"percent\":3,\"reason\":\"x\"}").statusCode(404)
                .contentType("application/problem+json");
        discount(TestInfra.token("wh-1", "WAREHOUSE"), id, "{\"percent\":3,\"reason\":\"x\"}").statusCode(403)
                .contentType("application/problem+json");
        order(id).body("discountKopecks", equalTo(0));
        approve(HEAD, java.util.UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void R10_aboveTheLimitWaitsForTheHeadKeepingTheLimitAndBlockingConfirmation() throws Exception {
        String id = Orders.placePhoneOrder();
        String requestId = discount(id, "7").statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/discount-requests/"))
                .body("percent", equalTo(5)).body("discountKopecks", equalTo(27450))
                .body("pendingRequest.status", equalTo("PENDING")).body("pendingRequest.percent", equalTo(7))
                .body("pendingRequest.requestedKopecks", equalTo(38430))
                .extract().path("pendingRequest.id");
        order(id).body("discountKopecks", equalTo(27450)).body("payableKopecks", equalTo(521550));

        JsonNode e = event(id, "DiscountApprovalRequested");
        assertEquals(requestId, e.get("requestId").asText());
        assertEquals("manager-1", e.get("requestedBy").asText());
        assertEquals(7, e.get("requestedPercent").asInt());
        assertEquals(38430, e.get("requestedKopecks").asLong());
        assertEquals(549000, e.get("itemsTotalKopecks").asLong());
        assertEquals("постоянный клиент", e.get("reason").asText());
        assertTrue(e.hasNonNull("customerId"));

        Orders.agree(id, Orders.courierCash(inDays(2))).statusCode(200);
        Orders.confirm(id).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("discount"));
        given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then().statusCode(200)
                .body("status", contains("PENDING")).body("requestedBy", contains("manager-1"));
    }

    @Test
    void R10_theHeadApprovesTheOrderGetsItAndOrderConfirmedCarriesIt() throws Exception {
        String id = Orders.placePhoneOrder();
        String requestId = requestSeven(id);
        approve(HEAD, requestId).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("head-1")).body("decisionReason", equalTo("крупный клиент"))
                .body("decidedAt", org.hamcrest.Matchers.notNullValue()).body("inEffect", equalTo(true));
        order(id).body("discountKopecks", equalTo(38430)).body("payableKopecks", equalTo(510570));

        JsonNode approved = event(id, "DiscountApproved");
        assertEquals("head-1", approved.get("approvedBy").asText());
        assertEquals(38430, approved.get("discountKopecks").asLong());
        assertEquals(510570, approved.get("payableKopecks").asLong());

        given().auth().oauth2(MANAGER).get("/orders/{id}/history", id).then().statusCode(200)
                .body("find { it.kind == 'DISCOUNT' && it.actor == 'head-1' }.reason",
                        org.hamcrest.Matchers.containsString("approved 7"));

        Orders.agree(id, Orders.courierCash(inDays(2))).statusCode(200);
        Orders.confirm(id).statusCode(200).body("discountKopecks", equalTo(38430));
        JsonNode confirmed = event(id, "OrderConfirmed");
        assertEquals(549000, confirmed.get("itemsTotalKopecks").asLong());
        assertEquals(38430, confirmed.get("discountKopecks").asLong());
        assertEquals(510570, confirmed.get("payableKopecks").asLong());
        assertEquals(510570, confirmed.get("cashOnDeliveryKopecks").asLong());
    }

    @Test
    void R10_theHeadRejectsWithAReasonAndTheOrderKeepsTheLimit() throws Exception {
        String id = Orders.placePhoneOrder();
        String requestId = requestSeven(id);
        reject(HEAD, requestId, "{}").statusCode(400).contentType("application/problem+json");
        reject(HEAD, requestId, "{\"reason\":\"маржа не позволяет\"}").statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("head-1"))
                .body("decisionReason", equalTo("маржа не позволяет"));
        order(id).body("discountKopecks", equalTo(27450));
        JsonNode e = event(id, "DiscountRejected");
        assertEquals("маржа не позволяет", e.get("reason").asText());
        assertEquals(27450, e.get("discountKopecks").asLong());
        approve(HEAD_2, requestId).statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("REJECTED"));
        order(id).body("discountKopecks", equalTo(27450));
        // decided: confirmation is no longer blocked
        Orders.agree(id, Orders.courierCash(inDays(2))).statusCode(200);
        Orders.confirm(id).statusCode(200);
    }

    @Test
    void R10_aManagersTokenCannotApproveOrReject() {
        String id = Orders.placePhoneOrder();
        String requestId = requestSeven(id);
        approve(TestInfra.token("manager-2", "MANAGER"), requestId).statusCode(403)
                .contentType("application/problem+json");
        approve(MANAGER, requestId).statusCode(403).contentType("application/problem+json");
        reject(MANAGER, requestId, "{\"reason\":\"нет\"}").statusCode(403).contentType("application/problem+json");
        order(id).body("discountKopecks", equalTo(27450));
        given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then()
                .body("status", contains("PENDING"));
    }

    @Test
    void R10_nobodyApprovesTheirOwnRequest() {
        String id = Orders.placePhoneOrder();
        String requestId = discount(HEAD, id, "{\"percent\":8,\"reason\":\"опт\"}").statusCode(202)
                .extract().path("pendingRequest.id");
        approve(HEAD, requestId).statusCode(403).contentType("application/problem+json");
        order(id).body("discountKopecks", equalTo(27450));
        approve(HEAD_2, requestId).statusCode(200).body("decidedBy", equalTo("head-2"));
        order(id).body("discountKopecks", equalTo(43920));
    }

    /** R10, issue 17: the same head's repeat has one effect; another head finds the request decided (409). */
    @Test
    void R10_approvingTwiceHasOneEffect() {
        String id = Orders.placePhoneOrder();
        String requestId = requestSeven(id);
        approve(HEAD, requestId).statusCode(200);
        approve(HEAD, requestId).statusCode(200).body("decidedBy", equalTo("head-1"));
        approve(HEAD_2, requestId).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:conflict")).body("requestId", equalTo(requestId))
                .body("currentStatus", equalTo("APPROVED")).body("decidedBy", equalTo("head-1"));
        order(id).body("discountKopecks", equalTo(38430));
        assertEquals(1, events(id, "DiscountApproved", 2, Duration.ofSeconds(8)).size());
        given().auth().oauth2(MANAGER).get("/orders/{id}/history", id).then()
                .body("findAll { it.kind == 'DISCOUNT' && it.actor.startsWith('head') }.size()", equalTo(1));
        reject(HEAD_2, requestId, "{\"reason\":\"поздно\"}").statusCode(409);
    }

    /**
     * R10, issue 17: two heads decide the same request at the same instant (two approvals, or an approval and a
     * rejection). The request row is locked for the decision: one wins with 200, the other waits, then finds the
     * request decided and gets a 409 problem naming the request and its current status; the order carries one
     * decision and one decision event leaves through the outbox to Kafka. Repeated, so that either may win.
     */
    @Test
    void R10_twoHeadsDecidingTheSameRequestAtOnceOneWinsTheOtherGets409() throws Exception {
        String approved = "ru.parus.order.DiscountApproved.v1";
        String rejected = "ru.parus.order.DiscountRejected.v1";
        List<String> orders = new ArrayList<>();
        ExecutorService heads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String id = Orders.placePhoneOrder();
                orders.add(id);
                String requestId = requestSeven(id);
                boolean approveVsReject = round % 2 == 1;
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Response> first = () -> {
                    ready.countDown();
                    go.await();
                    return given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                            .body("{\"reason\":\"крупный клиент\"}")
                            .post("/discount-requests/{id}/approve", requestId).andReturn();
                };
                Callable<Response> second = () -> {
                    ready.countDown();
                    go.await();
                    return given().auth().oauth2(HEAD_2).contentType(ContentType.JSON)
                            .body("{\"reason\":\"" + (approveVsReject ? "нет оснований" : "согласен") + "\"}")
                            .post("/discount-requests/{id}/" + (approveVsReject ? "reject" : "approve"), requestId)
                            .andReturn();
                };
                Future<Response> a = heads.submit(first);
                Future<Response> b = heads.submit(second);
                assertTrue(ready.await(30, TimeUnit.SECONDS));
                go.countDown();
                List<Response> both = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
                String seen = "round " + round + (approveVsReject ? " (approve vs reject)" : " (approve vs approve)")
                        + ": " + both.stream().map(r -> r.statusCode() + " " + r.asString()).toList();
                List<Response> won = both.stream().filter(r -> r.statusCode() == 200).toList();
                List<Response> lost = both.stream().filter(r -> r.statusCode() == 409).toList();
                assertEquals(1, won.size(), "exactly one decision wins, " + seen);
                assertEquals(1, lost.size(), "the other is a 409, " + seen);
                String status = won.get(0).path("status");
                String decidedBy = won.get(0).path("decidedBy");
                assertEquals(requestId, won.get(0).path("id"));
                Response loser = lost.get(0);
                assertTrue(loser.contentType().startsWith("application/problem+json"), seen);
                assertEquals("urn:parus:problem:conflict", loser.path("type"), seen);
                assertEquals(requestId, loser.path("requestId"), "the problem names the request, " + seen);
                assertEquals(status, loser.path("currentStatus"), "and its current status, " + seen);
                assertEquals(decidedBy, loser.path("decidedBy"), seen);
                assertTrue(loser.<String>path("detail").contains(requestId), seen);

                // one decision in the order, the request, the history and the outbox
                order(id).body("discountKopecks", equalTo("APPROVED".equals(status) ? 38430 : 27450));
                given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then()
                        .body("status", contains(status)).body("decidedBy", contains(decidedBy));
                given().auth().oauth2(MANAGER).get("/orders/{id}/history", id).then()
                        .body("findAll { it.kind == 'DISCOUNT' && it.actor.startsWith('head') }.size()", equalTo(1));
                long decisions = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(m) from OutboxMessage m where m.aggregateId = :id and m.eventType in :types",
                        Long.class).setParameter("id", id).setParameter("types", List.of(approved, rejected))
                        .getSingleResult());
                assertEquals(1, decisions, "one decision event in the outbox, " + seen);
            }
        } finally {
            heads.shutdown();
        }
        // one decision record per order on order-events (one more is waited for, in vain)
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> orders.contains(r.key()) && List.of(approved, rejected).contains(TestKafka.header(r, "ce_type")),
                orders.size() + 1, Duration.ofSeconds(8));
        assertEquals(orders.size(), records.size(), "one decision per request on Kafka");
        assertEquals(Set.copyOf(orders), records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    @Test
    void R10_changingLinesAfterApprovalVoidsItAndFallsBackToTheLimit() {
        String id = Orders.placePhoneOrder();
        approve(HEAD, requestSeven(id)).statusCode(200);
        acceptOffer(id, "VIT-D3-120"); // + 69000: 618000 in all
        order(id).body("totalKopecks", equalTo(618000)).body("discountKopecks", equalTo(30900)); // 5%, not 7%
        given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then()
                .body("status", contains("APPROVED")).body("inEffect", contains(false));
        // a new request is needed for the new total
        String again = requestSeven(id);
        approve(HEAD, again).statusCode(200);
        order(id).body("discountKopecks", equalTo(43260));
    }

    @Test
    void R10_approvingAfterTheTotalChangedIsA409() {
        String id = Orders.placePhoneOrder();
        String requestId = requestSeven(id);
        acceptOffer(id, "BAR-PROT-60");
        approve(HEAD, requestId).statusCode(409).contentType("application/problem+json")
                .body("requestedForTotalKopecks", equalTo(549000)).body("currentTotalKopecks", equalTo(561000));
        order(id).body("discountKopecks", equalTo(28050)); // 5% of 561000
    }

    @Test
    void R10_smallRequestsDoNotStackAndTheLatestReplacesAPendingOne() {
        String id = Orders.placePhoneOrder();
        discount(id, "4").statusCode(200);
        discount(id, "3").statusCode(200).body("percent", equalTo(3)).body("discountKopecks", equalTo(16470));
        String pending = requestSeven(id);
        discount(id, "2").statusCode(200).body("discountKopecks", equalTo(10980));
        approve(HEAD, pending).statusCode(409).body("currentStatus", equalTo("SUPERSEDED"));
        order(id).body("discountKopecks", equalTo(10980));
        given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then()
                .body("status", contains("SUPERSEDED"));
        // the superseded request no longer blocks confirmation
        Orders.agree(id, Orders.courierCash(inDays(2))).statusCode(200);
        Orders.confirm(id).statusCode(200);
    }

    @Test
    void R10_aConfirmedOrdersDiscountCannotChange() {
        String id = Orders.placePhoneOrder();
        discount(id, "5").statusCode(200);
        Orders.agree(id, Orders.courierCash(inDays(2))).statusCode(200);
        Orders.confirm(id).statusCode(200);
        discount(id, "1").statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("CONFIRMED"));
        discount(id, "9").statusCode(409);
        order(id).body("discountKopecks", equalTo(27450));
        given().auth().oauth2(MANAGER).get("/orders/{id}/discount-requests", id).then().body("size()", equalTo(0));
    }

    @Test
    void theOpenApiDocumentDescribesTheDiscountEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/orders/{id}/discount'.post.summary", org.hamcrest.Matchers.containsString("R9"))
                .body("paths.'/discount-requests/{id}/approve'.post.responses.'403'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/orders/{id}/discount-requests'.get.summary", org.hamcrest.Matchers.containsString("R10"));
    }
}
