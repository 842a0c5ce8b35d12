package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;

/** R6: the customer's timeline, newest first, paginated, from orders and the customer's own events. */
@QuarkusTest
class TimelineTest {
    static final String MANAGER = TestInfra.token("manager-t1", "MANAGER");

    @Test
    void R6_ordersAndCustomerChangesNewestFirstPaginated() throws Exception {
        String customer = CustomerApiTest.createCustomer(MANAGER, "+7 922 " + (1000000 + (int) (Math.random() * 8999999)));
        String tag = given().auth().oauth2(MANAGER).get("/customers/{id}/consents", customer).then().extract().header("ETag");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"consents\":[{\"channel\":\"SMS\",\"granted\":true,\"method\":\"CALL\"}]}")
                .put("/customers/{id}/consents", customer).then().statusCode(200);
        // placed in the future of the test clock so that it is the newest entry
        String placedAt = "2099-01-01T10:00:00Z";
        OrderEventsConsumerTest.send(OrderEventsConsumerTest.orderPlaced(customer, placedAt));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/customers/{id}/timeline", customer).then().statusCode(200).body("total", equalTo(3)));
        given().auth().oauth2(MANAGER).get("/customers/{id}/timeline", customer).then()
                .body("items.kind", contains("OrderPlaced", "CustomerConsentChanged", "CustomerRegistered"))
                .body("items[0].summary.totalKopecks", equalTo(549000))
                .body("items[0].summary.channel", equalTo("PHONE"));
        given().auth().oauth2(MANAGER).queryParam("size", 2).queryParam("page", 1).get("/customers/{id}/timeline", customer)
                .then().body("items.kind", contains("CustomerRegistered"));
        given().auth().oauth2(TestInfra.token("manager-t2", "MANAGER")).get("/customers/{id}/timeline", customer)
                .then().statusCode(403);
        given().auth().oauth2(MANAGER).queryParam("size", 0).get("/customers/{id}/timeline", customer)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
