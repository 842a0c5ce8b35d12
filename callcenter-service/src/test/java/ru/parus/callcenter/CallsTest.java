package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** R18: calls registered by hand and from the telephony webhook; a missed call makes one callback task. */
@QuarkusTest
class CallsTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String SECRET = "test-telephony-secret";

    /** A unique valid Russian mobile number, E.164. */
    static String phone() {
        return "+7912" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    /** A customer known to the projection with the owner and, through CustomerContactsChanged, the phones. */
    static String customerWithPhones(String owner, String... phones) throws Exception {
        String customer = Events.registerCustomer(Events.id(), owner);
        ObjectNode contacts = Events.example("CustomerContactsChanged");
        contacts.put("customerId", customer);
        var list = contacts.putArray("phones");
        for (String p : phones) {
            list.add(p);
        }
        contacts.put("version", 5);
        Events.send("customer-events", customer, "customer", "CustomerContactsChanged", Events.id(), contacts);
        await().atMost(Duration.ofSeconds(15)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) EntityManagers.em().createNativeQuery(
                        "SELECT count(*) FROM customer_phone WHERE customer_id = ?1")
                        .setParameter(1, UUID.fromString(customer)).getSingleResult()).intValue() == phones.length));
        return customer;
    }

    static String call(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/calls").then()
                .statusCode(201).extract().path("id");
    }

    static JsonPath telephony(String body) {
        return given().header("X-Telephony-Secret", SECRET).contentType(ContentType.JSON).body(body)
                .post("/telephony/events").then().statusCode(200).extract().jsonPath();
    }

    static String pbx(String callId, String direction, String from, String to, String state, String at, String extra) {
        return "{\"callId\":\"" + callId + "\",\"direction\":\"" + direction + "\",\"from\":\"" + from + "\",\"to\":\""
                + to + "\",\"state\":\"" + state + "\",\"at\":\"" + at + "\"" + extra + "}";
    }

    @Test
    void R18_aCallIsRegisteredWithTheNumberInE164TheCustomerMatchedByPhoneAndItsDuration() throws Exception {
        String manager = People.manager(null);
        String second = phone();
        String customer = customerWithPhones(manager, phone(), second);
        String national = "8 (" + second.substring(2, 5) + ") " + second.substring(5, 8) + "-" + second.substring(8, 10)
                + "-" + second.substring(10);
        String token = TestInfra.token(manager, "MANAGER");
        String order = Events.id();
        String id = call(token, "{\"direction\":\"OUTBOUND\",\"phone\":\"" + national + "\",\"startedAt\":\"2026-11-27T10:00:00+03:00\","
                + "\"endedAt\":\"2026-11-27T10:04:05+03:00\",\"purpose\":\"ORDER\",\"outcome\":\"REACHED_AGREED\","
                + "\"orderId\":\"" + order + "\",\"notes\":\"Заказал протеин\"}");
        given().auth().oauth2(token).get("/calls/{id}", id).then().statusCode(200)
                .body("phone", equalTo(second)).body("customerId", equalTo(customer))
                .body("managerId", equalTo(manager)).body("durationSeconds", equalTo(245))
                .body("startedAt", equalTo("2026-11-27T07:00:00Z")).body("status", equalTo("COMPLETED"))
                .body("purpose", equalTo("ORDER")).body("orderId", equalTo(order)).body("source", equalTo("MANUAL"));
        List<ConsumerRecord<String, String>> published = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.CallRegistered.v1".equals(TestKafka.header(r, "ce_type")) && id.equals(r.key()),
                1, Duration.ofSeconds(10));
        assertEquals(1, published.size());
        assertEquals(Set.of(), EventSchemas.violations("CallRegistered.v1", published.get(0).value()));
        assertTrue(published.get(0).value().contains("\"durationSeconds\":245"), published.get(0).value());

        // listing: a manager their own, filtered by customer and time
        given().auth().oauth2(token).get("/calls?customerId=" + customer + "&from=2026-11-27T06:00:00Z&to=2026-11-27T08:00:00Z")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(token).get("/calls?customerId=" + customer + "&from=2026-11-27T07:00:01Z")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(HEAD).get("/calls?managerId=" + manager).then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(TestInfra.token(People.id("manager"), "MANAGER")).get("/calls?managerId=" + manager)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token(People.id("manager"), "MANAGER")).get("/calls/{id}", id)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void R18_aCallMadeForATaskCompletesIt() throws Exception {
        String manager = People.manager(null);
        String customer = Events.registerCustomer(Events.id(), manager);
        ObjectNode dormant = Events.example("CustomerDormant");
        dormant.put("customerId", customer);
        dormant.put("episode", 1);
        dormant.put("ownerManagerId", manager);
        Events.send("customer-events", customer, "customer", "CustomerDormant", Events.id(), dormant);
        String token = TestInfra.token(manager, "MANAGER");
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(token).get("/tasks?assignee=me")
                .then().extract().jsonPath().getInt("total") == 1);
        String taskId = given().auth().oauth2(token).get("/tasks?assignee=me").then().extract().path("items[0].id");
        String id = call(token, "{\"direction\":\"OUTBOUND\",\"phone\":\"" + phone() + "\",\"startedAt\":\"2026-11-27T10:00:00Z\","
                + "\"endedAt\":\"2026-11-27T10:01:00Z\",\"purpose\":\"OTHER\",\"outcome\":\"REACHED_DECLINED\","
                + "\"taskId\":\"" + taskId + "\"}");
        given().auth().oauth2(token).get("/calls/{id}", id).then().body("taskId", equalTo(taskId))
                .body("customerId", equalTo(customer)).body("durationSeconds", equalTo(60));
        given().auth().oauth2(token).get("/tasks/{id}", taskId).then().body("status", equalTo("DONE"))
                .body("outcome", equalTo("REACHED_DECLINED"));
        // the same task again: it is done
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"direction\":\"OUTBOUND\",\"phone\":\"" + phone()
                + "\",\"startedAt\":\"2026-11-27T10:00:00Z\",\"endedAt\":\"2026-11-27T10:01:00Z\",\"purpose\":\"OTHER\","
                + "\"outcome\":\"NO_ANSWER\",\"taskId\":\"" + taskId + "\"}").post("/calls").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void R18_badCallsAnswerProblems() {
        String token = TestInfra.token(People.id("manager"), "MANAGER");
        String good = "\"direction\":\"INBOUND\",\"startedAt\":\"2026-11-27T10:00:00Z\",\"endedAt\":\"2026-11-27T10:01:00Z\","
                + "\"purpose\":\"REFERENCE\",\"outcome\":\"REACHED_AGREED\"";
        for (String[] c : List.of(new String[] { "{" + good + ",\"phone\":\"12\"}", "phone" },
                new String[] { "{" + good + "}", "phone" },
                new String[] { "{" + good.replace("INBOUND", "SIDEWAYS") + ",\"phone\":\"+79123456789\"}", "direction" },
                new String[] { "{" + good.replace("REFERENCE", "GOSSIP") + ",\"phone\":\"+79123456789\"}", "purpose" },
                new String[] { "{" + good.replace("REACHED_AGREED", "MAYBE") + ",\"phone\":\"+79123456789\"}", "outcome" },
                new String[] { "{" + good.replace("10:01:00Z", "09:01:00Z") + ",\"phone\":\"+79123456789\"}", "endedAt" })) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(c[0]).post("/calls").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:validation"))
                    .body("errors.field", hasItem(c[1]));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"direction\":").post("/calls").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{" + good + ",\"phone\":\"+79123456789\",\"orderId\":\"x\"}")
                .post("/calls").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{" + good + ",\"phone\":\"+79123456789\",\"taskId\":\"" + UUID.randomUUID() + "\"}")
                .post("/calls").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("director-1", "DIRECTOR")).contentType(ContentType.JSON)
                .body("{" + good + ",\"phone\":\"+79123456789\"}").post("/calls").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{" + good + ",\"phone\":\"+79123456789\"}").post("/calls").then()
                .statusCode(401).contentType("application/problem+json");
        for (String q : List.of("from=yesterday", "customerId=x", "size=0", "page=-1",
                "from=2026-11-27T10:00:00Z&to=2026-11-27T09:00:00Z")) {
            given().auth().oauth2(HEAD).get("/calls?" + q).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation"));
        }
        given().auth().oauth2(HEAD).get("/calls/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/calls").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void R18_aMissedInboundCallMakesOneCallbackTaskForTheOwnerWhateverTheReplays() throws Exception {
        String owner = People.manager(null);
        String number = phone();
        String customer = customerWithPhones(owner, number);
        String pbxId = "pbx-" + UUID.randomUUID();
        String caller = "8" + number.substring(2);
        JsonPath ringing = telephony(pbx(pbxId, "INBOUND", caller, "+74951234567", "RINGING", "2026-11-27T10:00:00Z", ""));
        assertEquals("RINGING", ringing.getString("status"));
        JsonPath missed = telephony(pbx(pbxId, "INBOUND", caller, "+74951234567", "MISSED", "2026-11-27T10:00:30Z", ""));
        assertEquals("MISSED", missed.getString("status"));
        assertEquals(false, missed.getBoolean("duplicate"));
        String taskId = missed.getString("callbackTaskId");
        JsonPath replay = telephony(pbx(pbxId, "INBOUND", caller, "+74951234567", "MISSED", "2026-11-27T10:00:30Z", ""));
        assertEquals(true, replay.getBoolean("duplicate"));
        assertEquals(missed.getString("callId"), replay.getString("callId"));
        // a late ENDED after MISSED changes nothing either
        telephony(pbx(pbxId, "INBOUND", caller, "+74951234567", "ENDED", "2026-11-27T10:00:40Z", ""));

        JsonPath queue = given().auth().oauth2(TestInfra.token(owner, "MANAGER")).get("/tasks?assignee=me")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, queue.getInt("total"), "one callback per PBX call");
        assertEquals(taskId, queue.getString("items[0].id"));
        assertEquals("CALLBACK", queue.getString("items[0].kind"));
        assertEquals(number, queue.getString("items[0].phone"));
        assertEquals(customer, queue.getString("items[0].customerId"));
        assertEquals("HIGH", queue.getString("items[0].priority"));
        assertEquals(Duration.ofMinutes(30), Duration.between(
                java.time.OffsetDateTime.parse(queue.getString("items[0].createdAt")),
                java.time.OffsetDateTime.parse(queue.getString("items[0].dueAt"))));
        given().auth().oauth2(HEAD).get("/calls/{id}", missed.getString("callId")).then().statusCode(200)
                .body("status", equalTo("MISSED")).body("pbxCallId", equalTo(pbxId)).body("customerId", equalTo(customer))
                .body("durationSeconds", equalTo(0)).body("source", equalTo("TELEPHONY"));
        List<ConsumerRecord<String, String>> registered = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.CallRegistered.v1".equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(pbxId), 2, Duration.ofSeconds(5));
        assertEquals(1, registered.size(), "registered once per PBX call");
        assertEquals(Set.of(), EventSchemas.violations("CallRegistered.v1", registered.get(0).value()));
        List<ConsumerRecord<String, String>> created = Events.published("CallTaskCreated", taskId, 1, Duration.ofSeconds(10));
        assertEquals(Set.of(), EventSchemas.violations("CallTaskCreated.v1", created.get(0).value()));
    }

    @Test
    void R18_anAnsweredCallIsRegisteredWhenItEndsWithTheManagerFromTheExtension() {
        String manager = People.id("manager");
        String ext = String.valueOf(100000 + (int) (Math.random() * 800000));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"name\":\"Ирина\",\"role\":\"MANAGER\",\"extension\":\"" + ext + "\"}").put("/staff/{id}", manager)
                .then().statusCode(200);
        String pbxId = "pbx-" + UUID.randomUUID();
        String extra = ",\"extension\":\"" + ext + "\"";
        telephony(pbx(pbxId, "OUTBOUND", "+74951234567", phone(), "RINGING", "2026-11-27T10:00:00Z", extra));
        telephony(pbx(pbxId, "OUTBOUND", "+74951234567", phone(), "ANSWERED", "2026-11-27T10:00:10Z", extra));
        JsonPath ended = telephony(pbx(pbxId, "OUTBOUND", "+74951234567", phone(), "ENDED", "2026-11-27T10:01:10Z", extra));
        assertEquals("COMPLETED", ended.getString("status"));
        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).get("/calls/{id}", ended.getString("callId")).then()
                .statusCode(200).body("managerId", equalTo(manager)).body("durationSeconds", equalTo(60))
                .body("answeredAt", equalTo("2026-11-27T10:00:10Z")).body("direction", equalTo("OUTBOUND"))
                .body("purpose", nullValue());
        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).get("/tasks?assignee=me").then().body("total", equalTo(0));
    }

    @Test
    void R18_theWebhookWantsTheSecretAndAnswersProblems() {
        String body = pbx("pbx-" + UUID.randomUUID(), "INBOUND", "+79123456789", "+74951234567", "RINGING",
                "2026-11-27T10:00:00Z", "");
        given().contentType(ContentType.JSON).body(body).post("/telephony/events").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:unauthorized"))
                .body("title", containsString("X-Telephony-Secret")).body("credential.name", equalTo("X-Telephony-Secret"));
        given().header("X-Telephony-Secret", "guess").contentType(ContentType.JSON).body(body).post("/telephony/events")
                .then().statusCode(401).contentType("application/problem+json")
                .body("title", containsString("X-Telephony-Secret")).body("credential.name", equalTo("X-Telephony-Secret"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(body).post("/telephony/events").then()
                .statusCode(401).contentType("application/problem+json");
        for (String[] c : List.of(
                new String[] { body.replace("RINGING", "HUNG"), "state" },
                new String[] { body.replace("\"+79123456789\"", "\"anonymous\""), "from" },
                new String[] { body.replace("INBOUND", "UPWARD"), "direction" },
                new String[] { "{\"direction\":\"INBOUND\",\"from\":\"+79123456789\",\"to\":\"1\",\"state\":\"RINGING\"}", "callId" })) {
            given().header("X-Telephony-Secret", SECRET).contentType(ContentType.JSON).body(c[0]).post("/telephony/events")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation")).body("errors.field", hasItem(c[1]));
        }
        given().header("X-Telephony-Secret", SECRET).contentType(ContentType.JSON).body("{\"callId\":")
                .post("/telephony/events").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void R18_anOlderContactsListDoesNotReplaceANewerOne() throws Exception {
        String owner = People.manager(null);
        String current = phone();
        String customer = customerWithPhones(owner, current); // version 5
        ObjectNode stale = Events.example("CustomerContactsChanged");
        stale.put("customerId", customer);
        String old = phone();
        stale.putArray("phones").add(old);
        stale.put("version", 4);
        Events.send("customer-events", customer, "customer", "CustomerContactsChanged", Events.id(), stale);
        // a later event on the same key proves the stale one was consumed
        ObjectNode newer = Events.example("CustomerContactsChanged");
        newer.put("customerId", customer);
        String latest = phone();
        newer.putArray("phones").add(current).add(latest);
        newer.put("version", 6);
        Events.send("customer-events", customer, "customer", "CustomerContactsChanged", Events.id(), newer);
        String token = TestInfra.token(owner, "MANAGER");
        String body = "\",\"startedAt\":\"2026-11-27T10:00:00Z\",\"endedAt\":\"2026-11-27T10:01:00Z\",\"purpose\":\"REFERENCE\",\"outcome\":\"REACHED_AGREED\"}";
        await().atMost(Duration.ofSeconds(15)).until(() -> customer.equals(given().auth().oauth2(token)
                .get("/calls/{id}", call(token, "{\"direction\":\"INBOUND\",\"phone\":\"" + latest + body)).then()
                .extract().path("customerId")));
        String byOld = call(token, "{\"direction\":\"INBOUND\",\"phone\":\"" + old + body);
        given().auth().oauth2(token).get("/calls/{id}", byOld).then().body("customerId", nullValue());
    }
}
