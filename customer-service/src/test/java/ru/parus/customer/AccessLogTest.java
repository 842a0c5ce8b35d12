package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.parus.infra.test.TestInfra;

/** R24: every read of a customer's personal data is recorded and can be queried by the head, director, admin. */
@io.quarkus.test.junit.QuarkusTest
class AccessLogTest {
    static final String MANAGER = TestInfra.token("manager-a1", "MANAGER");
    static final String HEAD = TestInfra.token("head-a", "HEAD");

    @Test
    void R24_everyReadOfPersonalDataIsRecordedWithWhoWhenAndEndpoint() {
        String surname = "Аудитова" + UUID.randomUUID().toString().substring(0, 6);
        String id = CustomerSearchTest.create(MANAGER, surname, "+7 920 " + (1000000 + (int) (Math.random() * 8999999)),
                UUID.randomUUID() + "@example.org");
        given().auth().oauth2(MANAGER).get("/customers/{id}", id).then().statusCode(200);
        given().auth().oauth2(MANAGER).get("/customers/{id}/contacts", id).then().statusCode(200);
        given().auth().oauth2(MANAGER).queryParam("q", surname).get("/customers").then().body("total", equalTo(1));
        given().auth().oauth2(TestInfra.token("director-a", "DIRECTOR")).get("/customers/{id}", id).then().statusCode(200);

        given().auth().oauth2(HEAD).get("/customers/{id}/access-log", id).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.staffId", contains("director-a", "manager-a1", "manager-a1", "manager-a1"))
                .body("items.endpoint", contains("GET /customers/{id}", "GET /customers?q", "/customers/{id}/contacts",
                        "GET /customers/{id}"))
                .body("items[0].roles", equalTo("DIRECTOR"))
                .body("items.customerId", hasItem(id));
        // reading the log is not a read of personal data
        given().auth().oauth2(HEAD).get("/customers/{id}/access-log", id).then().body("total", equalTo(4));
    }

    @Test
    void R24_aManagerCannotReadTheAccessLog() {
        String id = CustomerApiTest.createCustomer(MANAGER, "+7 920 " + (1000000 + (int) (Math.random() * 8999999)));
        given().auth().oauth2(MANAGER).get("/customers/{id}/access-log", id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/customers/{id}/access-log?size=0", id).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
