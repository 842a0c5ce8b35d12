package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.platform.testing.EventSchemas;

/** R10: a discount above the manager's limit is the head's task, closed by the head's decision in order-service. */
@QuarkusTest
class DiscountApprovalTasksTest {

    static JsonPath queue(String head) {
        return given().auth().oauth2(TestInfra.token(head, "HEAD")).get("/tasks?assignee=me&size=100").then()
                .statusCode(200).extract().jsonPath();
    }

    static ObjectNode request(String requestId, String orderId, String manager) {
        ObjectNode e = Events.example("DiscountApprovalRequested");
        e.put("requestId", requestId);
        e.put("orderId", orderId);
        e.put("requestedBy", manager);
        e.put("requestedPercent", 7.5);
        return e;
    }

    @Test
    void R10_discountAboveLimitWaitsForTheManagersHeadOnceEvenDeliveredTwiceAndApprovalClosesIt() throws Exception {
        String head = People.head();
        String manager = People.manager(head);
        String requestId = Events.id();
        String orderId = Events.id();
        ObjectNode event = request(requestId, orderId, manager);
        String eventId = Events.id();
        Events.send("order-events", orderId, "order", "DiscountApprovalRequested", eventId, event);
        Events.send("order-events", orderId, "order", "DiscountApprovalRequested", eventId, event); // redelivered
        Events.send("order-events", orderId, "order", "DiscountApprovalRequested", Events.id(), event); // same request, new id
        // a later event with the same key proves the copies were consumed before we count
        String marker = Events.id();
        Events.send("order-events", orderId, "order", "DiscountApprovalRequested", Events.id(), request(marker, Events.id(), manager));
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(head).getInt("total") == 2);
        JsonPath q = queue(head);
        int i = q.getList("items.cause").indexOf("discount-request:" + requestId);
        assertEquals("DISCOUNT_APPROVAL", q.getString("items[" + i + "].kind"));
        assertEquals(orderId, q.getString("items[" + i + "].orderId"));
        assertEquals(7.5f, q.getFloat("items[" + i + "].discountPercent"));
        assertEquals("HIGH", q.getString("items[" + i + "].priority"));
        String taskId = q.getString("items[" + i + "].id");
        assertEquals(1, Events.published("CallTaskCreated", taskId, 2, Duration.ofSeconds(3)).size());

        ObjectNode approved = Events.example("DiscountApproved");
        approved.put("requestId", requestId);
        approved.put("orderId", orderId);
        approved.put("approvedBy", head);
        Events.send("order-events", orderId, "order", "DiscountApproved", Events.id(), approved);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(TestInfra.token(head, "HEAD"))
                .get("/tasks/{id}", taskId).then().body("status", equalTo("CLOSED"))
                .body("closedReason", equalTo("DISCOUNT_APPROVED")));
        assertEquals(1, queue(head).getInt("total"));
        var closed = Events.published("CallTaskClosed", taskId, 1, Duration.ofSeconds(10));
        assertEquals(Set.of(), EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()));

        ObjectNode rejected = Events.example("DiscountRejected");
        rejected.put("requestId", marker);
        Events.send("order-events", orderId, "order", "DiscountRejected", Events.id(), rejected);
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(head).getInt("total") == 0);
    }

    @Test
    void R10_aRequestFromAManagerWithoutAHeadGoesToTheConfiguredDefaultHead() throws Exception {
        String manager = People.id("manager"); // not on the staff
        String requestId = Events.id();
        String orderId = Events.id();
        Events.send("order-events", orderId, "order", "DiscountApprovalRequested", Events.id(), request(requestId, orderId, manager));
        Events.send("order-events", orderId, "order", "DiscountApprovalRequested", Events.id(), request(requestId, orderId, manager));
        await().atMost(Duration.ofSeconds(15)).until(() -> queue("head-1").getList("items.cause")
                .contains("discount-request:" + requestId));
        assertEquals(1, queue("head-1").getList("items.cause").stream()
                .filter(c -> ("discount-request:" + requestId).equals(c)).count());
    }
}
