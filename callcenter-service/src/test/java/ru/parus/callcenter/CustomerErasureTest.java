package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
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
}
