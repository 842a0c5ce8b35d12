package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

/** R16: campaigns: frozen list, distribution, tasks, the report to whoever launched it; the selectors' projection. */
@QuarkusTest
class CampaignApiTest {
    static final String DIRECTOR = TestInfra.token("director-1", "DIRECTOR");

    @Inject
    CustomerProjectionRepository customers;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    static String staff(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    UUID customer(String owner) {
        CustomerProjection c = new CustomerProjection();
        c.customerId = UUID.randomUUID();
        c.name = "Клиент";
        c.ownerManagerId = owner;
        c.updatedAt = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> customers.persist(c));
        return c.customerId;
    }

    static String body(String script, OffsetDateTime deadline, List<String> assignees, String customersJson) {
        return "{\"name\":\"Обзвон\",\"purpose\":\"Предложить новинки\",\"scriptCode\":\"" + script + "\",\"deadline\":\""
                + deadline + "\",\"assignees\":[" + String.join(",", assignees.stream().map(a -> "\"" + a + "\"").toList())
                + "]," + customersJson + "}";
    }

    static String ids(UUID... ids) {
        return "\"customerIds\":[" + String.join(",", java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").toList()) + "]";
    }

    /** customerId -> taskId of a manager's open ASSIGNED tasks. */
    static Map<String, String> tasksOf(String manager) {
        JsonPath p = given().auth().oauth2(TestInfra.token(manager, "MANAGER")).get("/tasks?assignee=me&size=100")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> out = new HashMap<>();
        List<Map<String, Object>> items = p.getList("items");
        for (Map<String, Object> t : items) {
            assertEquals("ASSIGNED", t.get("kind"));
            out.put((String) t.get("customerId"), (String) t.get("id"));
        }
        return out;
    }

    static void complete(String manager, String taskId, String outcome) {
        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"" + outcome + "\"}").post("/tasks/{id}/complete", taskId).then().statusCode(200);
    }

    @Test
    void R16_theListIsFrozenOwnersGetTheirCustomersTheRestRoundRobinAndTheReportCountsResults() throws Exception {
        String m1 = staff("manager"), m2 = staff("manager"), head = staff("head");
        UUID k1 = customer(m2), k2 = customer("someone-else"), k3 = customer(null), k4 = customer(m1), k5 = customer(null);
        OffsetDateTime deadline = OffsetDateTime.now(clock).plusHours(2).withNano(0).withOffsetSameInstant(ZoneOffset.UTC);
        String headToken = TestInfra.token(head, "HEAD");
        String campaignId = given().auth().oauth2(headToken).contentType(ContentType.JSON)
                .body(body("dormant-customer", deadline, List.of(m1, m2), ids(k1, k2, k3, k4, k5, k1)))
                .post("/campaigns").then().statusCode(201)
                .body("customerCount", equalTo(5)).body("scriptVersion", equalTo(1))
                .body("perAssignee." + m1, equalTo(3)).body("perAssignee." + m2, equalTo(2))
                .body("createdBy", equalTo(head)).extract().path("id");

        // k1 -> m2 (owner), k2 -> m1 (round-robin 1st), k3 -> m2 (2nd), k4 -> m1 (owner), k5 -> m1 (3rd)
        Map<String, String> of1 = tasksOf(m1), of2 = tasksOf(m2);
        assertEquals(java.util.Set.of(k2.toString(), k4.toString(), k5.toString()), of1.keySet());
        assertEquals(java.util.Set.of(k1.toString(), k3.toString()), of2.keySet());
        given().auth().oauth2(TestInfra.token(m1, "MANAGER")).get("/tasks?assignee=me").then()
                .body("items.script", everyItem(equalTo("dormant-customer")))
                .body("items.dueAt", everyItem(equalTo(deadline.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")))));

        List<ConsumerRecord<String, String>> launched = TestKafka.awaitRecords("callcenter-events",
                r -> Events.ceType("callcenter", "CampaignLaunched").equals(TestKafka.header(r, "ce_type"))
                        && campaignId.equals(r.key()), 1, Duration.ofSeconds(10));
        assertEquals(1, launched.size());
        String json = launched.get(0).value();
        assertTrue(EventSchemas.violations("CampaignLaunched.v1", json).isEmpty(),
                () -> EventSchemas.violations("CampaignLaunched.v1", json).toString());
        assertTrue(json.contains("\"customerCount\":5"), json);
        String created = Events.published("CallTaskCreated", of1.get(k2.toString()), 1, Duration.ofSeconds(10)).get(0).value();
        assertTrue(EventSchemas.violations("CallTaskCreated.v1", created).isEmpty(),
                () -> EventSchemas.violations("CallTaskCreated.v1", created).toString());

        complete(m2, of2.get(k1.toString()), "REACHED_AGREED");
        complete(m1, of1.get(k2.toString()), "NO_ANSWER");
        ((SettableClock) clock).advance(Duration.ofHours(3)); // past the deadline
        complete(m1, of1.get(k4.toString()), "REACHED_DECLINED");

        given().auth().oauth2(headToken).get("/campaigns/{id}/report", campaignId).then().statusCode(200)
                .body("customers", equalTo(5)).body("done", equalTo(3)).body("open", equalTo(2))
                .body("closed", equalTo(0)).body("doneOnTime", equalTo(2)).body("overdue", equalTo(2))
                .body("outcomes", equalTo(Map.of("NO_ANSWER", 1, "REACHED_AGREED", 1, "REACHED_DECLINED", 1)))
                .body("managers.managerId", equalTo(List.of(m1, m2)))
                .body("managers[0].assigned", equalTo(3)).body("managers[0].done", equalTo(2))
                .body("managers[0].open", equalTo(1)).body("managers[0].doneOnTime", equalTo(1))
                .body("managers[0].doneLate", equalTo(1)).body("managers[0].overdue", equalTo(1))
                .body("managers[1].assigned", equalTo(2)).body("managers[1].done", equalTo(1))
                .body("managers[1].open", equalTo(1)).body("managers[1].doneOnTime", equalTo(1))
                .body("managers[1].doneLate", equalTo(0)).body("managers[1].overdue", equalTo(1));
        given().auth().oauth2(DIRECTOR).get("/campaigns/{id}/report", campaignId).then().statusCode(200)
                .body("done", equalTo(3));
        given().auth().oauth2(TestInfra.token(staff("head"), "HEAD")).get("/campaigns/{id}/report", campaignId).then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(TestInfra.token(m1, "MANAGER")).get("/campaigns/{id}/report", campaignId).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(headToken).get("/campaigns/{id}/report", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void R16_theSelectorReadsTypeDormancyLastOrderAndStorefrontFromTheEvents() throws Exception {
        String type = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replaceAll("[0-9-]", "X");
        String mA = staff("manager"), mB = staff("manager");
        String c1 = Events.id(), c2 = Events.id(), c3 = Events.id();
        for (String c : List.of(c1, c2, c3)) {
            ObjectNode e = Events.example("CustomerRegistered");
            e.put("customerId", c);
            e.put("type", type);
            if (c.equals(c1)) {
                e.put("ownerManagerId", mA);
            } else {
                e.putNull("ownerManagerId");
            }
            Events.send("customer-events", c, "customer", "CustomerRegistered", Events.id(), e);
        }
        for (String c : List.of(c1, c2)) {
            ObjectNode e = Events.example("CustomerDormant");
            e.put("customerId", c);
            e.put("customerType", type);
            e.put("lastOrderAt", "2026-01-10T10:00:00Z");
            e.remove("ownerManagerId");
            String id = Events.id();
            Events.send("customer-events", c, "customer", "CustomerDormant", id, e);
            Events.send("customer-events", c, "customer", "CustomerDormant", id, e); // redelivery: no effect
        }
        ObjectNode order = Events.example("OrderPlaced");
        order.put("orderId", Events.id());
        order.put("customerId", c3);
        order.put("channel", "WATTN");
        order.put("placedAt", "2026-11-20T12:00:00Z");
        Events.send("order-events", order.get("orderId").asText(), "order", "OrderPlaced", Events.id(), order);

        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM customer_projection WHERE customer_type = ?1 AND "
                        + "((dormant AND last_order_at = '2026-01-10T10:00:00Z') OR last_storefront = 'WATTN')")
                        .setParameter(1, type).getSingleResult()).intValue() == 3));

        OffsetDateTime deadline = OffsetDateTime.now(clock).plusDays(5);
        String head = TestInfra.token(staff("head"), "HEAD");
        // c1 goes to its owner mA; c2 has no owner: round-robin starts at mA
        given().auth().oauth2(head).contentType(ContentType.JSON)
                .body(body("dormant-customer", deadline, List.of(mA, mB),
                        "\"selector\":{\"customerType\":\"" + type + "\",\"dormant\":true}"))
                .post("/campaigns").then().statusCode(201).body("customerCount", equalTo(2))
                .body("perAssignee." + mA, equalTo(2)).body("perAssignee." + mB, equalTo(0));
        given().auth().oauth2(head).contentType(ContentType.JSON)
                .body(body("order-ready", deadline, List.of(mB),
                        "\"selector\":{\"customerType\":\"" + type + "\",\"storefront\":\"WATTN\"}"))
                .post("/campaigns").then().statusCode(201).body("customerCount", equalTo(1));
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON)
                .body(body("dormant-customer", deadline, List.of(mB),
                        "\"selector\":{\"customerType\":\"" + type + "\",\"lastOrderBefore\":\"2026-06-01T00:00:00Z\"}"))
                .post("/campaigns").then().statusCode(201).body("customerCount", equalTo(2)).body("createdBy", equalTo("director-1"));
        given().auth().oauth2(head).contentType(ContentType.JSON)
                .body(body("dormant-customer", deadline, List.of(mB),
                        "\"selector\":{\"customerType\":\"" + type + "\",\"dormant\":false,\"storefront\":\"LACTOMIN\"}"))
                .post("/campaigns").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"));
        assertEquals(3, tasksOf(mB).size()); // mB: c3 (storefront) and c1, c2 (lastOrderBefore)
    }

    @Test
    void badInputAndRolesAnswerProblems() {
        String head = TestInfra.token(staff("head"), "HEAD");
        OffsetDateTime deadline = OffsetDateTime.now(clock).plusDays(1);
        UUID known = customer(null);
        String ok = body("dormant-customer", deadline, List.of("manager-1"), ids(known));
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("name", ok.replace("\"name\":\"Обзвон\",", ""));
        bad.put("scriptCode", body("no-such-script", deadline, List.of("manager-1"), ids(known)));
        bad.put("deadline", body("dormant-customer", OffsetDateTime.now(clock).minusHours(1), List.of("manager-1"), ids(known)));
        bad.put("assignees", body("dormant-customer", deadline, List.of(), ids(known)));
        bad.put("customers", body("dormant-customer", deadline, List.of("m"), ids(known) + ",\"selector\":{\"dormant\":true}"));
        bad.put("selector", body("dormant-customer", deadline, List.of("m"), "\"selector\":{}"));
        bad.put("selector.storefront", body("dormant-customer", deadline, List.of("m"), "\"selector\":{\"storefront\":\"EBAY\"}"));
        bad.put("customerIds", body("dormant-customer", deadline, List.of("m"), ids(known, UUID.randomUUID())));
        for (var e : bad.entrySet()) {
            given().auth().oauth2(head).contentType(ContentType.JSON).body(e.getValue()).post("/campaigns").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation")).body("errors[0].field", equalTo(e.getKey()));
        }
        String noCustomers = ok.replace(",\"customerIds\":[\"" + known + "\"]", "");
        given().auth().oauth2(head).contentType(ContentType.JSON).body(noCustomers).post("/campaigns").then()
                .statusCode(400).body("errors[0].field", equalTo("customers"));
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{\"name\":").post("/campaigns").then()
                .statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(head).contentType(ContentType.JSON)
                .body(ok.replace("\"deadline\":\"" + deadline + "\"", "\"deadline\":\"tomorrow\"")).post("/campaigns")
                .then().statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(TestInfra.token("manager-1", "MANAGER")).contentType(ContentType.JSON).body(ok)
                .post("/campaigns").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(ok).post("/campaigns").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(head).get("/campaigns/not-a-uuid/report").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
