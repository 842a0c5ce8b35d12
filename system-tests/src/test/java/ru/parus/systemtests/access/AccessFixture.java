package ru.parus.systemtests.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static ru.parus.systemtests.RunningStack.CALLCENTER;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.FULFILLMENT;
import static ru.parus.systemtests.RunningStack.NOTIFICATION;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import ru.parus.infra.test.TestInfra;

/**
 * The records of one manager (the owner) that the access matrix reads and changes as other people: a customer with a
 * consent, an order with a pending discount request, a confirmed order with its shipment and order-ready task, a call
 * with its escalation, a message and a complaint. Built through the public APIs of the running stack only.
 */
final class AccessFixture {
    static final Duration PROPAGATION = Duration.ofSeconds(60);

    final String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    final String owner = "mx-owner-" + suffix;
    final String other = "mx-other-" + suffix;
    final String deputy = "mx-deputy-" + suffix;
    final String head = "head-1";
    final String warehouse = "wh-" + suffix;
    final Map<Caller, String> tokens = new HashMap<>();
    /** Placeholders of the path and query parameters: {customer}, {order}, ... -> ids. */
    final Map<String, String> ids = new HashMap<>();
    String absenceId;

    AccessFixture() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        tokens.put(Caller.OWNER, TestInfra.token(owner, "MANAGER"));
        tokens.put(Caller.OTHER, TestInfra.token(other, "MANAGER"));
        tokens.put(Caller.DEPUTY, TestInfra.token(deputy, "MANAGER"));
        tokens.put(Caller.DEPUTY_AFTER, tokens.get(Caller.DEPUTY));
        tokens.put(Caller.HEAD, TestInfra.token(head, "HEAD"));
        tokens.put(Caller.WAREHOUSE, TestInfra.token(warehouse, "WAREHOUSE"));
    }

    String token(Caller caller) {
        return tokens.get(caller);
    }

    RequestSpecification as(Caller caller, String service) {
        RequestSpecification spec = given().baseUri(url(service)).contentType(ContentType.JSON);
        return caller == Caller.NONE ? spec : spec.auth().oauth2(token(caller));
    }

    void build() {
        for (String staff : List.of(owner, other, deputy)) {
            as(Caller.HEAD, CALLCENTER).body(Map.of("name", "Матрица " + staff, "role", "MANAGER", "active", true))
                    .put("/staff/{id}", staff).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        String phone = "+79" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
        String customer = as(Caller.OWNER, CUSTOMER)
                .body(Map.of("name", "Матрица Доступа", "phone", phone, "email", "matrix." + suffix + "@example.org",
                        "type", "ATHLETE"))
                .post("/customers").then().statusCode(201).extract().path("id");
        ids.put("customer", customer);
        as(Caller.OWNER, CUSTOMER).header("If-Match", "\"0\"")
                .body("""
                        {"consents":[{"channel":"EMAIL","granted":true,"method":"CALL"}],"preferredChannel":"EMAIL",
                         "timeZone":"Europe/Moscow"}""")
                .put("/customers/{id}/consents", customer).then().statusCode(200);

        // the other services know the customer's owner from CustomerRegistered: wait until order-service does
        String pending = placeOrder(customer);
        ids.put("order", pending);
        ids.put("discountRequest", as(Caller.OWNER, ORDER)
                .body(Map.of("percent", 7, "reason", "постоянный клиент"))
                .post("/orders/{id}/discount", pending).then().statusCode(202).extract().path("pendingRequest.id"));

        String confirmed = placeOrder(customer);
        ids.put("confirmedOrder", confirmed);
        String etag = as(Caller.OWNER, ORDER).get("/orders/{id}", confirmed).then().statusCode(200).extract()
                .header("ETag");
        as(Caller.OWNER, ORDER).header("If-Match", etag).body("""
                {"paymentMethod":"CASH_TO_COURIER","deliveryMethod":"COURIER",
                 "recipient":{"name":"Матрица Доступа","phone":"%s"},
                 "address":{"postalCode":"620014","city":"Екатеринбург","street":"ул. Малышева","house":"51"},
                 "deliveryDate":"%s","windowFrom":"10:00","windowTo":"14:00"}"""
                .formatted(phone, LocalDate.now().plusDays(2)))
                .put("/orders/{id}/terms", confirmed).then().statusCode(200);
        // R7: two offers answered before a phone order can be confirmed
        as(Caller.OWNER, ORDER).body(Map.of("sku", "SHAKER-700", "answer", "ACCEPTED"))
                .post("/orders/{id}/offers", confirmed).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        as(Caller.OWNER, ORDER).body(Map.of("sku", "OMEGA3-90", "answer", "DECLINED"))
                .post("/orders/{id}/offers", confirmed).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        as(Caller.OWNER, ORDER).post("/orders/{id}/confirm", confirmed).then().statusCode(200);
        ids.put("shipment", await().atMost(PROPAGATION).until(() -> {
            List<String> found = as(Caller.HEAD, FULFILLMENT).queryParam("orderId", confirmed).get("/shipments")
                    .then().statusCode(200).extract().path("items.id");
            return found == null || found.isEmpty() ? null : found.get(0);
        }, java.util.Objects::nonNull));
        // R13: packed for a courier -> an order-ready task in callcenter-service for the order's manager
        as(Caller.WAREHOUSE, FULFILLMENT).body(Map.of("reportId", "mx-pack-" + suffix, "kind", "PACKED",
                "occurredAt", now().toString(), "weightGrams", 1200,
                "parcels", 1))
                .post("/shipments/{id}/reports", ids.get("shipment")).then().statusCode(200);

        String call = as(Caller.OWNER, CALLCENTER).body(Map.of("direction", "OUTBOUND", "phone", phone,
                "customerId", customer, "startedAt", now().minusMinutes(5).toString(),
                "endedAt", now().minusMinutes(2).toString(), "purpose", "ORDER", "outcome", "REACHED_AGREED"))
                .post("/calls").then().statusCode(201).extract().path("id");
        ids.put("call", call);
        ids.put("escalation", as(Caller.OWNER, CALLCENTER).body(Map.of("reason", "клиент просит руководителя"))
                .post("/calls/{id}/escalate", call).then().statusCode(201).extract().path("id"));
        ids.put("feedback", await().atMost(PROPAGATION).until(() -> {
            Response r = as(Caller.OWNER, CALLCENTER).body(Map.of("customerId", customer, "kind", "WISH",
                    "category", "assortment", "text", "Хочу больше вкусов", "orderId", confirmed)).post("/feedback");
            return r.statusCode() == 201 ? r.path("id") : null;
        }, java.util.Objects::nonNull));
        ids.put("message", await().atMost(PROPAGATION).until(() -> {
            Response r = as(Caller.OWNER, NOTIFICATION).body(Map.of("customerId", customer, "subject", "Прайс-лист",
                    "text", "Здравствуйте! Прайс-лист на декабрь.")).post("/messages");
            return r.statusCode() == 202 || r.statusCode() == 201 ? r.path("id") : null;
        }, java.util.Objects::nonNull));
        ids.put("task", await().atMost(PROPAGATION).until(() -> {
            List<Map<String, Object>> tasks = as(Caller.OWNER, CALLCENTER).queryParam("assignee", "me")
                    .queryParam("size", 100).get("/tasks").then().statusCode(200).extract().path("items");
            return tasks.stream().filter(t -> confirmed.equals(t.get("orderId"))).map(t -> (String) t.get("id"))
                    .findFirst().orElse(null);
        }, java.util.Objects::nonNull));
    }

    private String placeOrder(String customer) {
        return as(Caller.OWNER, ORDER).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":2},{"sku":"CREA-MONO-300","quantity":1}]}"""
                        .formatted(customer))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    /** R22: the head records the owner's absence from now on, with the deputy; callcenter-service announces it. */
    void startAbsence() {
        absenceId = as(Caller.HEAD, CALLCENTER).body(Map.of("reason", "LEAVE",
                "startsAt", now().minusMinutes(1).toString(), "endsAt", now().plusDays(3).toString(),
                "deputyId", deputy))
                .post("/staff/{id}/absences", owner).then().statusCode(201).extract().path("id");
    }

    /** R22: the head cuts the absence short: the deputy's access ends now. */
    void endAbsence() {
        as(Caller.HEAD, CALLCENTER).delete("/staff/{id}/absences/{absenceId}", owner, absenceId)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 204));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
