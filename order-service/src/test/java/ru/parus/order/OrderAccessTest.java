package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R24, R22: every endpoint that reads or changes an order or a customer's bonus applies the one access policy
 * (platform CustomerAccess) to the customer, fed by customer-events (owners, merges) and callcenter-events (absences);
 * answers showing the recipient or address are recorded on audit-events.
 */
@QuarkusTest
class OrderAccessTest {
    static final String MANAGER_1 = Orders.MANAGER; // manager-1
    static final String MANAGER_2 = TestInfra.token("manager-2", "MANAGER");
    static final String HEAD = Orders.HEAD;
    static final String FORBIDDEN = "urn:parus:problem:forbidden";
    static final String AUDIT = "ru.parus.audit.PersonalDataAccessed.v1";

    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    // --- helpers: events as customer-service and callcenter-service publish them, orders as the screens take them ---

    static String manager(String sub) {
        return TestInfra.token(sub, "MANAGER");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ObjectNode example(String schema, int n) throws Exception {
        return (ObjectNode) mapper.readTree(EventSchemas.examples(schema).get(n));
    }

    void publish(String topic, String key, String type, ObjectNode data) throws Exception {
        assertTrue(EventSchemas.violations(type.replaceAll("^ru\\.parus\\.[a-z]+\\.", ""), data.toString()).isEmpty(),
                () -> "the test's own event breaks its schema: " + data);
        TestKafka.send(topic, key, data.toString(), TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
    }

    /** CustomerRegistered with this owner (null: nobody), then waits until order-service has it. */
    void registered(UUID customer, String owner) throws Exception {
        ObjectNode e = example("CustomerRegistered.v1", 0);
        e.put("customerId", customer.toString());
        e.put("ownerManagerId", owner);
        publish("customer-events", customer.toString(), "ru.parus.customer.CustomerRegistered.v1", e);
        awaitOwner(customer, owner);
    }

    /** CustomerUpdated: the head gives the customer to another manager. */
    void ownerChanged(UUID customer, String owner) throws Exception {
        ObjectNode e = example("CustomerUpdated.v1", 1);
        e.put("customerId", customer.toString());
        e.put("ownerManagerId", owner);
        publish("customer-events", customer.toString(), "ru.parus.customer.CustomerUpdated.v1", e);
    }

    @SuppressWarnings("unchecked")
    List<Object> ownerRow(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT owner_manager_id FROM access_customer_owner WHERE customer_id = ?1")
                .setParameter(1, customer).getResultList());
    }

    void awaitOwner(UUID customer, String owner) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Object> row = ownerRow(customer);
            return row.size() == 1 && Objects.equals(row.get(0), owner);
        });
    }

    ObjectNode absence(String schema, UUID absenceId, String managerId, String deputyId) throws Exception {
        ObjectNode e = example(schema, 0);
        e.put("absenceId", absenceId.toString());
        e.put("managerId", managerId);
        e.put("deputyId", deputyId);
        return e;
    }

    /** The application's clock (platform-testing's SettableClock, moved forward by other tests). */
    static Clock clock() {
        return Arc.container().instance(Clock.class).get();
    }

    static String place(String token, UUID customer) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(OrderApiTest.order(customer))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    /** An order of the customer taken by {@code token}'s manager, with its terms (recipient, address) agreed. */
    static String placeWithTerms(String token, UUID customer) {
        String id = place(token, customer);
        String etag = given().auth().oauth2(token).get("/orders/{id}", id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Orders.courierCash(LocalDate.now(clock().withZone(ZoneId.of("Europe/Moscow"))).plusDays(2)))
                .put("/orders/{id}/terms", id).then().statusCode(200);
        return id;
    }

    static ValidatableResponse get(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then();
    }

    static ValidatableResponse post(String token, String path, String body, Object... params) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path, params).then();
    }

    static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
    }

    /** Every guarded endpoint answers {@code token} with 403 for this order of this customer. */
    static void everyEndpointForbids(String token, String id, UUID customer) {
        forbidden(get(token, "/orders/{id}", id));
        forbidden(get(token, "/orders/{id}/history", id));
        forbidden(get(token, "/orders/{id}/suggestions", id));
        forbidden(get(token, "/orders/{id}/offers", id));
        forbidden(get(token, "/orders/{id}/discount-requests", id));
        forbidden(get(token, "/customers/{c}/bonus", customer));
        forbidden(given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Orders.courierCash(LocalDate.now().plusDays(3))).put("/orders/{id}/terms", id).then());
        forbidden(post(token, "/orders/{id}/confirm", "{}", id));
        forbidden(post(token, "/orders/{id}/cancel", "{\"reason\":\"чужой\"}", id));
        forbidden(post(token, "/orders/{id}/transitions", "{\"to\":\"IN_FULFILLMENT\",\"reason\":\"x\"}", id));
        forbidden(post(token, "/orders/{id}/offers", "{\"sku\":\"SHAKER-700\",\"answer\":\"ACCEPTED\"}", id));
        forbidden(post(token, "/orders/{id}/discount", "{\"percent\":3,\"reason\":\"x\"}", id));
        forbidden(post(token, "/orders/{id}/promo-code", "{\"code\":\"NO-SUCH\"}", id));
        forbidden(post(token, "/orders/{id}/bonus", "{\"points\":0}", id));
        forbidden(post(token, "/orders", OrderApiTest.order(customer)));
    }

    // --- R24: another manager's customer --------------------------------------------------------------------------

    @Test
    void R24_anotherManagersCustomerIsA403OnEveryEndpointAndTheOrderStaysAsItWas() throws Exception {
        UUID customer = UUID.randomUUID();
        registered(customer, "manager-1");
        String id = placeWithTerms(MANAGER_1, customer);
        String version = get(MANAGER_1, "/orders/{id}", id).statusCode(200).extract().header("ETag");

        everyEndpointForbids(MANAGER_2, id, customer);
        get(MANAGER_2, "/orders/{id}", id).body("customerId", equalTo(customer.toString()))
                .body("detail", org.hamcrest.Matchers.containsString("R24"));
        // unknown stays a 404 for everyone: the 404 check comes first
        get(MANAGER_2, "/orders/{id}", UUID.randomUUID()).statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));

        // nothing changed: same version, no offer, no discount, still NEW
        get(MANAGER_1, "/orders/{id}", id).statusCode(200).header("ETag", equalTo(version))
                .body("status", equalTo("NEW")).body("discountKopecks", equalTo(0))
                .body("terms.recipient.name", equalTo("Анна Смирнова"));
        get(MANAGER_1, "/orders/{id}/offers", id).statusCode(200).body("size()", equalTo(0));

        // the owner and the head act on it
        for (String token : new String[] { MANAGER_1, HEAD }) {
            get(token, "/orders/{id}", id).statusCode(200).body("terms.address.city", equalTo("Екатеринбург"));
            get(token, "/orders/{id}/suggestions", id).statusCode(200).body("orderId", equalTo(id));
            get(token, "/orders/{id}/history", id).statusCode(200);
            get(token, "/orders/{id}/discount-requests", id).statusCode(200);
            get(token, "/customers/{c}/bonus", customer).statusCode(200).body("balancePoints", equalTo(0));
        }
        post(MANAGER_1, "/orders/{id}/discount", "{\"percent\":3,\"reason\":\"постоянный клиент\"}", id).statusCode(200);
        get(TestInfra.token("director-1", "DIRECTOR"), "/orders/{id}", id).statusCode(200);
        // the warehouse moves any order along its fulfilment (here: not yet, a NEW order is a 409, not a 403)
        post(TestInfra.token("wh-1", "WAREHOUSE"), "/orders/{id}/transitions", "{\"to\":\"SHIPPED\"}", id)
                .statusCode(409);
    }

    @Test
    void R24_anUnownedOrUnknownCustomerIsOpenToEveryManager() throws Exception {
        UUID unowned = UUID.randomUUID();
        registered(unowned, null);
        UUID unknown = UUID.randomUUID(); // no customer event about them yet
        for (UUID customer : new UUID[] { unowned, unknown }) {
            String id = placeWithTerms(MANAGER_1, customer);
            get(MANAGER_2, "/orders/{id}", id).statusCode(200).body("terms.recipient.name", equalTo("Анна Смирнова"));
            get(MANAGER_2, "/orders/{id}/suggestions", id).statusCode(200);
            get(MANAGER_2, "/customers/{c}/bonus", customer).statusCode(200);
            post(MANAGER_2, "/orders/{id}/discount", "{\"percent\":2,\"reason\":\"акция\"}", id).statusCode(200);
        }
    }

    // --- R22: deputies ---------------------------------------------------------------------------------------------

    @Test
    void R22_aDeputyActsOnTheAbsentManagersCustomersDuringTheAbsenceAndNotAfterIt() throws Exception {
        String owner = unique("manager");
        String deputy = unique("deputy");
        UUID customer = UUID.randomUUID();
        registered(customer, owner);
        String id = placeWithTerms(manager(owner), customer);
        everyEndpointForbids(manager(deputy), id, customer);

        UUID absenceId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock());
        ObjectNode started = absence("ManagerAbsenceStarted.v1", absenceId, owner, deputy);
        started.put("startsAt", now.minusHours(1).toString());
        started.put("endsAt", now.plusDays(30).toString());
        publish("callcenter-events", owner, "ru.parus.callcenter.ManagerAbsenceStarted.v1", started);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(manager(deputy), "/orders/{id}", id).statusCode(200));
        get(manager(deputy), "/orders/{id}/suggestions", id).statusCode(200);
        get(manager(deputy), "/customers/{c}/bonus", customer).statusCode(200);
        post(manager(deputy), "/orders/{id}/discount", "{\"percent\":4,\"reason\":\"по просьбе клиента\"}", id)
                .statusCode(200);
        get(manager(deputy), "/orders?customerId={c}", customer).statusCode(200).body("total", equalTo(1));

        ObjectNode ended = absence("ManagerAbsenceEnded.v1", absenceId, owner, deputy);
        ended.put("endedAt", now.plusMinutes(1).toString());
        publish("callcenter-events", owner, "ru.parus.callcenter.ManagerAbsenceEnded.v1", ended);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> forbidden(get(manager(deputy), "/orders/{id}", id)));
        everyEndpointForbids(manager(deputy), id, customer);
        get(manager(deputy), "/orders?customerId={c}", customer).statusCode(200).body("total", equalTo(0));
        get(manager(owner), "/orders/{id}", id).statusCode(200).body("discountKopecks", equalTo(21960));
    }

    @Test
    void R22_anAbsenceThatHasNotStartedOrThatEndedBeforeItsStartGivesNoAccess() throws Exception {
        String owner = unique("manager");
        String deputy = unique("deputy");
        UUID customer = UUID.randomUUID();
        registered(customer, owner);
        String id = place(manager(owner), customer);
        OffsetDateTime now = OffsetDateTime.now(clock());
        // the end of one absence arrives before its start: it stays ended
        UUID early = UUID.randomUUID();
        ObjectNode ended = absence("ManagerAbsenceEnded.v1", early, owner, deputy);
        ended.put("endedAt", now.toString());
        publish("callcenter-events", owner, "ru.parus.callcenter.ManagerAbsenceEnded.v1", ended);
        ObjectNode started = absence("ManagerAbsenceStarted.v1", early, owner, deputy);
        started.put("startsAt", now.minusHours(1).toString());
        started.put("endsAt", now.plusDays(30).toString());
        publish("callcenter-events", owner, "ru.parus.callcenter.ManagerAbsenceStarted.v1", started);
        // another one starts next week
        ObjectNode later = absence("ManagerAbsenceStarted.v1", UUID.randomUUID(), owner, deputy);
        later.put("startsAt", now.plusDays(7).toString());
        later.put("endsAt", now.plusDays(14).toString());
        publish("callcenter-events", owner, "ru.parus.callcenter.ManagerAbsenceStarted.v1", later);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM access_deputyship WHERE deputy_id = ?1 AND starts_at IS NOT NULL")
                .setParameter(1, deputy).getSingleResult()).intValue() == 2));
        forbidden(get(manager(deputy), "/orders/{id}", id));
    }

    // --- R24: owners change --------------------------------------------------------------------------------------

    @Test
    void R24_afterCustomerUpdatedGivesTheCustomerToAnotherManagerTheOldOwnerGets403() throws Exception {
        String before = unique("manager");
        String after = unique("manager");
        UUID customer = UUID.randomUUID();
        registered(customer, before);
        String id = placeWithTerms(manager(before), customer);
        forbidden(get(manager(after), "/orders/{id}", id));

        // a CustomerUpdated of other fields leaves the owner as it is
        ObjectNode tags = example("CustomerUpdated.v1", 0);
        tags.put("customerId", customer.toString());
        publish("customer-events", customer.toString(), "ru.parus.customer.CustomerUpdated.v1", tags);
        ownerChanged(customer, after);
        awaitOwner(customer, after);
        everyEndpointForbids(manager(before), id, customer);
        get(manager(after), "/orders/{id}", id).statusCode(200);
        get(manager(after), "/customers/{c}/bonus", customer).statusCode(200);

        // and back to nobody: every manager again
        ownerChanged(customer, null);
        awaitOwner(customer, null);
        get(manager(before), "/orders/{id}", id).statusCode(200);
    }

    @Test
    void R24_theOrdersOfAMergedAwayCustomerFollowTheSurvivorsOwner() throws Exception {
        String survivorOwner = unique("manager");
        String other = unique("manager");
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        registered(survivor, survivorOwner);
        registered(merged, other);
        String id = place(manager(other), merged);

        ObjectNode e = example("CustomersMerged.v1", 0);
        e.put("survivingCustomerId", survivor.toString());
        e.put("mergedCustomerId", merged.toString());
        publish("customer-events", survivor.toString(), "ru.parus.customer.CustomersMerged.v1", e);
        awaitOwner(merged, survivorOwner);
        forbidden(get(manager(other), "/orders/{id}", id));
        get(manager(survivorOwner), "/orders/{id}", id).statusCode(200);
        get(manager(survivorOwner), "/orders?customerId={c}", merged).statusCode(200).body("total", equalTo(1));
    }

    // --- R24: audit ------------------------------------------------------------------------------------------------

    List<JsonNode> audits(UUID customer, String staffId, String endpoint) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : TestKafka.readAll("audit-events")) {
            if (customer.toString().equals(r.key()) && AUDIT.equals(TestKafka.header(r, "ce_type"))) {
                JsonNode e = mapper.readTree(r.value());
                if (staffId.equals(e.get("staffId").asText()) && endpoint.equals(e.get("endpoint").asText())) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    @Test
    void R24_readingAnOrdersRecipientAndAddressIsRecordedOnAuditEventsAndA403IsNot() throws Exception {
        UUID customer = UUID.randomUUID();
        registered(customer, "manager-1");
        String id = placeWithTerms(MANAGER_1, customer);
        forbidden(get(MANAGER_2, "/orders/{id}", id));
        get(MANAGER_1, "/orders/{id}", id).statusCode(200);

        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("audit-events", r -> customer.toString()
                .equals(r.key()) && AUDIT.equals(TestKafka.header(r, "ce_type"))
                && r.value().contains("\"GET /orders/{id}\""), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size(), "PersonalDataAccessed for GET /orders/{id}");
        assertTrue(EventSchemas.violations("PersonalDataAccessed.v1", records.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("PersonalDataAccessed.v1", records.get(0).value()).toString());
        JsonNode e = mapper.readTree(records.get(0).value());
        assertEquals(customer.toString(), e.get("customerId").asText());
        assertEquals("manager-1", e.get("staffId").asText());
        assertEquals("order-service", e.get("service").asText());
        assertEquals("[\"MANAGER\"]", e.get("roles").toString());
        assertEquals("[\"recipient\",\"address\"]", e.get("fields").toString());
        assertEquals(customer.toString(), TestKafka.header(records.get(0), "ce_subject"));

        // the 403 came before the allowed read, so its record would be on the topic by now: there is none
        assertEquals(List.of(), audits(customer, "manager-2", "GET /orders/{id}"));
        // the terms' own answer and the history show them too
        assertEquals(1, audits(customer, "manager-1", "PUT /orders/{id}/terms").size());
        get(HEAD, "/orders/{id}/history", id).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> audits(customer, "head-1", "GET /orders/{id}/history").size() == 1);
    }

    @Test
    void R24_anOrderWithoutRecipientOrAddressIsReadWithoutAnAuditRecord() throws Exception {
        UUID customer = UUID.randomUUID();
        String id = place(MANAGER_1, customer);
        get(MANAGER_1, "/orders/{id}", id).statusCode(200);
        String marked = placeWithTerms(MANAGER_1, customer);
        get(MANAGER_1, "/orders/{id}", marked).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> audits(customer, "manager-1", "GET /orders/{id}").size() == 1);
        assertEquals(1, audits(customer, "manager-1", "GET /orders/{id}").size(), "only the order with terms");
    }

    // --- the orders list -------------------------------------------------------------------------------------------

    @Test
    void R24_theOrdersListShowsAManagerOnlyOrdersInScopeNewestFirstWithFilters() throws Exception {
        String a = unique("manager");
        String b = unique("manager");
        UUID ofA = UUID.randomUUID();
        UUID ofB = UUID.randomUUID();
        UUID nobodys = UUID.randomUUID();
        registered(ofA, a);
        registered(ofB, b);
        registered(nobodys, null);
        String older = place(manager(a), ofA);
        String newer = place(manager(a), ofA);
        String bOwn = place(manager(b), ofB);
        String bUnowned = place(manager(b), nobodys);

        get(manager(a), "/orders?customerId={c}", ofA).statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.id", org.hamcrest.Matchers.contains(newer, older))
                .body("items[0].customerId", equalTo(ofA.toString()))
                .body("items[0].managerId", equalTo(a))
                .body("items[0].channel", equalTo("PHONE"))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].totalKopecks", equalTo(549000))
                .body("items[0].terms", org.hamcrest.Matchers.nullValue());
        get(manager(a), "/orders?customerId={c}&page=1&size=1", ofA).statusCode(200)
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.contains(older));
        // another manager's customer: out of scope, an empty page (not a 403: the list is the scope)
        get(manager(a), "/orders?customerId={c}", ofB).statusCode(200).body("total", equalTo(0))
                .body("items.size()", equalTo(0));
        // b's orders as a sees them: only the unowned customer's
        get(manager(a), "/orders?managerId={m}", b).statusCode(200).body("total", equalTo(1))
                .body("items.id", org.hamcrest.Matchers.contains(bUnowned));
        get(manager(b), "/orders?managerId={m}", b).statusCode(200).body("total", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.contains(bUnowned, bOwn));
        get(HEAD, "/orders?managerId={m}", b).statusCode(200).body("total", equalTo(2));
        get(TestInfra.token("director-1", "DIRECTOR"), "/orders?customerId={c}", ofB).statusCode(200)
                .body("total", equalTo(1));
        String olderAt = get(manager(a), "/orders/{id}", older).extract().path("placedAt");
        String newerAt = get(manager(a), "/orders/{id}", newer).extract().path("placedAt");
        // every order placed since (no customer or manager filter): a's own and the unowned one, none of b's customer
        List<String> since = allIds(manager(a), "/orders", "placedFrom", olderAt);
        assertTrue(since.containsAll(List.of(older, newer, bUnowned)), "a's own and the unowned orders: " + since);
        assertTrue(!since.contains(bOwn), "not the order of b's customer");
        assertTrue(allIds(HEAD, "/orders", "placedFrom", olderAt).contains(bOwn), "the head sees it");

        // status, channel, time
        post(manager(a), "/orders/{id}/cancel", "{\"reason\":\"передумал\"}", older).statusCode(200);
        get(manager(a), "/orders?customerId={c}&status=CANCELLED", ofA).body("items.id", org.hamcrest.Matchers.contains(older));
        get(manager(a), "/orders?customerId={c}&status=new", ofA).body("items.id", org.hamcrest.Matchers.contains(newer));
        get(manager(a), "/orders?customerId={c}&channel=PHONE", ofA).body("total", equalTo(2));
        get(manager(a), "/orders?customerId={c}&channel=LACTOMIN", ofA).body("total", equalTo(0));
        given().auth().oauth2(manager(a)).queryParam("customerId", ofA).queryParam("placedFrom", newerAt)
                .get("/orders").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(newer));
        given().auth().oauth2(manager(a)).queryParam("customerId", ofA).queryParam("placedTo", newerAt)
                .get("/orders").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(older));
        LocalDate day = OffsetDateTime.parse(olderAt).atZoneSameInstant(ZoneId.of("Europe/Moscow")).toLocalDate();
        LocalDate newerDay = OffsetDateTime.parse(newerAt).atZoneSameInstant(ZoneId.of("Europe/Moscow")).toLocalDate();
        given().auth().oauth2(manager(a)).queryParam("customerId", ofA).queryParam("placedFrom", day.toString())
                .queryParam("placedTo", newerDay.toString()).get("/orders").then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(manager(a)).queryParam("customerId", ofA).queryParam("placedTo", day.minusDays(1).toString())
                .get("/orders").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void invalidOrderListFiltersAre400ProblemsNamingEachOne() {
        given().auth().oauth2(MANAGER_1)
                .queryParam("customerId", "not-a-uuid").queryParam("status", "SOLD").queryParam("channel", "FAX")
                .queryParam("placedFrom", "yesterday").queryParam("placedTo", "2026-13-01")
                .get("/orders").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("customerId", "status", "channel",
                        "placedFrom", "placedTo"));
        given().auth().oauth2(MANAGER_1).queryParam("placedFrom", "2026-12-02").queryParam("placedTo", "2026-12-01")
                .get("/orders").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("placedTo"));
        given().auth().oauth2(MANAGER_1).queryParam("placedFrom", "+999999999-12-31T23:59:59Z")
                .get("/orders").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("placedFrom"));
        given().auth().oauth2(MANAGER_1).queryParam("placedFrom", "2026-12-01T10:00:00")
                .get("/orders").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("placedFrom"));
        for (String[] bad : new String[][] { { "page", "-1" }, { "page", "x" }, { "page", "99999999999" },
                { "size", "0" }, { "size", "101" } }) {
            given().auth().oauth2(MANAGER_1).queryParam(bad[0], bad[1]).get("/orders").then().statusCode(400)
                    .body("type", equalTo("urn:parus:problem:validation"))
                    .body("errors.field", org.hamcrest.Matchers.contains(bad[0]));
        }
        // a page past the end is empty, not an error
        given().auth().oauth2(MANAGER_1).queryParam("page", "2000000000").get("/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/orders").then().statusCode(403);
        given().get("/orders").then().statusCode(401);
    }

    /** The ids of every page of a list (size 100), with one query parameter. */
    static List<String> allIds(String token, String path, String param, Object value) {
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            var request = given().auth().oauth2(token).queryParam("size", 100).queryParam("page", page);
            if (param != null) {
                request = request.queryParam(param, value);
            }
            List<String> ids = request.get(path).then().statusCode(200).body("page", equalTo(page))
                    .body("size", equalTo(100)).extract().path("items.id");
            all.addAll(ids);
            if (ids.size() < 100) {
                return all;
            }
        }
    }

    // --- R10: the head's queue -------------------------------------------------------------------------------------

    static String requestSeven(String token, String orderId, String reason) {
        return post(token, "/orders/{id}/discount", "{\"percent\":7,\"reason\":\"" + reason + "\"}", orderId)
                .statusCode(202).extract().path("pendingRequest.id");
    }

    @Test
    void R10_theHeadsQueueListsPendingRequestsOldestFirst() {
        String m = unique("manager");
        String first = place(manager(m), UUID.randomUUID());
        String second = place(manager(m), UUID.randomUUID());
        String r1 = requestSeven(manager(m), first, "постоянный клиент");
        String r2 = requestSeven(manager(m), second, "крупный заказ");

        List<String> ids = allIds(HEAD, "/discount-requests", "status", "PENDING");
        assertTrue(ids.indexOf(r1) >= 0 && ids.indexOf(r1) < ids.indexOf(r2), "oldest first: " + ids);
        int page = ids.indexOf(r1) / 100;
        given().auth().oauth2(HEAD).queryParam("size", 100).queryParam("page", page).get("/discount-requests").then()
                .statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("PENDING")))
                .body("items.find { it.id == '" + r1 + "' }.orderId", equalTo(first))
                .body("items.find { it.id == '" + r1 + "' }.requestedBy", equalTo(m))
                .body("items.find { it.id == '" + r1 + "' }.percent", org.hamcrest.Matchers.anyOf(equalTo(7), equalTo(7.0f)))
                .body("items.find { it.id == '" + r1 + "' }.reason", equalTo("постоянный клиент"))
                .body("items.find { it.id == '" + r1 + "' }.requestedAt", org.hamcrest.Matchers.notNullValue());

        // the default is PENDING; decided requests leave it
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"reason\":\"да\"}")
                .post("/discount-requests/{id}/approve", r1).then().statusCode(200);
        assertTrue(!allIds(HEAD, "/discount-requests", null, null).contains(r1), "approved: out of the pending queue");
        assertTrue(allIds(HEAD, "/discount-requests", "status", "APPROVED").contains(r1));
        get(TestInfra.token("director-1", "DIRECTOR"), "/discount-requests").statusCode(200);
        get(TestInfra.token("admin-1", "ADMIN"), "/discount-requests").statusCode(200);
        get(manager(m), "/discount-requests").statusCode(403);
        get(HEAD, "/discount-requests?status=MAYBE").statusCode(400).body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.contains("status"));
        get(HEAD, "/discount-requests?size=0").statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("size"));
    }
}
