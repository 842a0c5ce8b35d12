package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.callcenter.service.CustomerErasure;
import ru.parus.infra.test.TestInfra;

/** R24: a customer erased in customer-service loses their personal data here too; ids and figures stay. */
@QuarkusTest
class CustomerErasureTest {
    static long count(String sql, String customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) EntityManagers.em().createNativeQuery(sql)
                .setParameter(1, UUID.fromString(customer)).getSingleResult()).longValue());
    }

    @Test
    void R24_customerErasedBlanksNamePhonesAndCallNotesOnceEvenDeliveredTwice() throws Exception {
        String manager = "manager-" + Events.id().substring(0, 8);
        String token = TestInfra.token(manager, "MANAGER");
        String phone = CallsTest.phone();
        String customer = CallsTest.customerWithPhones(manager, phone);
        String callId = CallsTest.call(token, "{\"direction\":\"INBOUND\",\"phone\":\"" + phone + "\",\"startedAt\":"
                + "\"2026-11-27T10:00:00Z\",\"endedAt\":\"2026-11-27T10:02:00Z\",\"purpose\":\"REFERENCE\","
                + "\"outcome\":\"REACHED_AGREED\",\"notes\":\"Анна просила перезвонить на домашний\"}");
        given().auth().oauth2(token).get("/calls/{id}", callId).then().body("customerId", equalTo(customer))
                .body("phone", equalTo(phone));

        ObjectNode erased = Events.example("CustomerErased");
        erased.put("customerId", customer);
        String eventId = Events.id();
        Events.send("customer-events", customer, "customer", "CustomerErased", eventId, erased);
        Events.send("customer-events", customer, "customer", "CustomerErased", eventId, erased);

        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM customer_projection WHERE customer_id = ?1 AND name IS NULL AND phone IS NULL", customer) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM customer_phone WHERE customer_id = ?1", customer) == 0);
        given().auth().oauth2(token).get("/calls/{id}", callId).then().statusCode(200)
                .body("customerId", equalTo(customer)).body("phone", nullValue()).body("notes", nullValue())
                .body("durationSeconds", equalTo(120));
    }

    static java.util.List<String> texts(String sql, String param) {
        return QuarkusTransaction.requiringNew().call(() -> EntityManagers.em().createNativeQuery(sql, String.class)
                .setParameter(1, param).getResultList().stream().map(String::valueOf).toList());
    }

    @Test
    void R24_erasedCustomerLeavesNoPhoneOrFreeTextInTasksCallsAndEscalations() throws Exception {
        String head = People.head();
        String manager = People.manager(head);
        String token = TestInfra.token(manager, "MANAGER");
        String headToken = TestInfra.token(head, "HEAD");
        String number = CallsTest.phone();
        String later = CallsTest.phone();
        // a missed call from a number nobody knew yet: a callback task without a customer
        String unmatchedPbx = "pbx-" + UUID.randomUUID();
        String unmatchedTask = CallsTest.telephony(CallsTest.pbx(unmatchedPbx, "INBOUND", later, "+74951234567",
                "MISSED", "2026-11-27T09:00:30Z", "")).getString("callbackTaskId");
        String customer = CallsTest.customerWithPhones(manager, number, later);
        // a missed call of the customer: a callback task with their number
        String pbxId = "pbx-" + UUID.randomUUID();
        String callbackTask = CallsTest.telephony(CallsTest.pbx(pbxId, "INBOUND", number, "+74951234567", "MISSED",
                "2026-11-27T10:00:30Z", "")).getString("callbackTaskId");
        given().auth().oauth2(token).get("/tasks/{id}", callbackTask).then().statusCode(200).body("phone", equalTo(number));
        // a call escalated to the head with a reason about the customer, resolved with an answer about them
        String callId = CallsTest.call(token, "{\"direction\":\"INBOUND\",\"phone\":\"" + number + "\",\"startedAt\":"
                + "\"2026-11-27T11:00:00Z\",\"endedAt\":\"2026-11-27T11:02:00Z\",\"purpose\":\"COMPLAINT\","
                + "\"outcome\":\"REACHED_CALL_BACK\",\"notes\":\"Анна недовольна курьером\"}");
        String escalationId = EscalationsTest.escalate(manager, callId, "Анна Смирнова требует возврат");
        given().auth().oauth2(headToken).contentType(ContentType.JSON).body("{\"resolution\":\"Вернуть Анне деньги\"}")
                .post("/escalations/{id}/resolve", escalationId).then().statusCode(200);

        ObjectNode erased = Events.example("CustomerErased");
        erased.put("customerId", customer);
        String eventId = Events.id();
        Events.send("customer-events", customer, "customer", "CustomerErased", eventId, erased);
        Events.send("customer-events", customer, "customer", "CustomerErased", eventId, erased);
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM inbox WHERE event_id = CAST(?1 AS text)", eventId) == 1);

        // rows: no phone or note in the customer's tasks, their calls or the unmatched ones from their numbers
        assertEquals(java.util.List.of(), texts("SELECT id::text FROM call_task WHERE (customer_id = CAST(?1 AS uuid) "
                + "OR id = CAST('" + unmatchedTask + "' AS uuid)) AND (phone IS NOT NULL OR note IS NOT NULL)", customer));
        assertEquals(java.util.List.of(), texts("SELECT id::text FROM phone_call WHERE (customer_id = CAST(?1 AS uuid) "
                + "OR pbx_call_id = '" + unmatchedPbx + "') AND (phone IS NOT NULL OR notes IS NOT NULL)", customer));
        assertEquals(java.util.List.of(CustomerErasure.ERASED_TEXT + "|" + CustomerErasure.ERASED_TEXT),
                texts("SELECT reason || '|' || resolution FROM escalation WHERE id = CAST(?1 AS uuid)", escalationId));

        // REST: the blanks, no error; kinds, statuses and outcomes stay
        given().auth().oauth2(token).get("/tasks/{id}", callbackTask).then().statusCode(200)
                .body("kind", equalTo("CALLBACK")).body("phone", nullValue()).body("customerId", equalTo(customer));
        given().auth().oauth2(headToken).get("/escalations/{id}", escalationId).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("reason", equalTo(CustomerErasure.ERASED_TEXT))
                .body("resolution", equalTo(CustomerErasure.ERASED_TEXT));
        given().auth().oauth2(headToken).get("/calls/{id}", callId).then().statusCode(200)
                .body("phone", nullValue()).body("notes", nullValue()).body("outcome", equalTo("REACHED_CALL_BACK"));
    }
}
