package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.EndpointChecks;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

@QuarkusTest
class CustomerApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    /** A customer with this phone and an e-mail of their own (one identity per phone and per e-mail). */
    static String createCustomer(String token, String phone) {
        return createCustomer(token, phone, "Anna." + UUID.randomUUID() + "@Example.org");
    }

    static String createCustomer(String token, String phone, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"name":"Анна Смирнова","phone":"%s","email":"%s","type":"ATHLETE"}""".formatted(phone, email))
                .post("/customers")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void threeSpellingsOfOnePhoneMakeOneCustomer() {
        String id = createCustomer(HEAD, "8 (912) 345-67-89", "Anna@Example.org");
        given().auth().oauth2(HEAD).get("/customers/{id}", id)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("phone", equalTo("+79123456789"))
                .body("email", equalTo("anna@example.org"))
                .body("orderCount", equalTo(0));
        for (String written : List.of("+7 912 345 67 89", "9123456789")) {
            given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                    .body("""
                            {"name":"Анна С.","phone":"%s","type":"ATHLETE"}""".formatted(written))
                    .post("/customers")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:conflict"))
                    .body("existingCustomerId", equalTo(id))
                    .body("matchedOn", equalTo("PHONE"));
        }
    }

    @Test
    void aKnownEmailIsAConflictUnlessTheDuplicateIsWantedAndThenItIsListedForTheHead() {
        String email = "boris." + UUID.randomUUID() + "@example.org";
        String first = createCustomer(HEAD, "+7 913 " + (1000000 + (int) (Math.random() * 8999999)), email);
        String body = """
                {"name":"Борис","phone":"+7 914 %d","email":"%s","type":"FITNESS"}""".formatted(
                1000000 + (int) (Math.random() * 8999999), email.toUpperCase());
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(body).post("/customers")
                .then().statusCode(409)
                .body("existingCustomerId", equalTo(first))
                .body("matchedOn", equalTo("EMAIL"));
        String second = given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(body)
                .post("/customers?allowDuplicate=true")
                .then().statusCode(201)
                .body("suspectedDuplicates[0].customerId", equalTo(first))
                .body("suspectedDuplicates[0].matchedOn", equalTo("EMAIL"))
                .extract().path("id");
        given().auth().oauth2(HEAD).get("/customers/{id}", first).then()
                .body("suspectedDuplicates.customerId", hasItem(second));
        given().auth().oauth2(HEAD).get("/customers/suspected-duplicates?size=200").then().statusCode(200)
                .body("items.customerId", hasItem(second))
                .body("items.existingId", hasItem(first));
        given().auth().oauth2(TestInfra.token("manager-1", "MANAGER")).get("/customers/suspected-duplicates")
                .then().statusCode(403);
        given().auth().oauth2(HEAD).get("/customers/suspected-duplicates?size=0").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void registrationPublishesCustomerRegisteredThroughTheOutbox() {
        String id = createCustomer(TestInfra.token("manager-7", "MANAGER"), "+7 903 111-22-33");
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("customer-events",
                r -> id.equals(r.key()), 1, Duration.ofSeconds(10));
        assertEquals(1, records.size(), "CustomerRegistered with key " + id);
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("ru.parus.customer.CustomerRegistered.v1", TestKafka.header(record, "ce_type"));
        assertEquals("customer-service", TestKafka.header(record, "ce_source"));
        assertEquals(id, TestKafka.header(record, "ce_subject"));
        assertEquals("1.0", TestKafka.header(record, "ce_specversion"));
        assertTrue(EventSchemas.violations("CustomerRegistered.v1", record.value()).isEmpty(),
                () -> EventSchemas.violations("CustomerRegistered.v1", record.value()).toString());
        assertTrue(record.value().contains("\"ownerManagerId\":\"manager-7\""), record.value());
        // ops count the business events: every published event by its type
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/q/metrics").then()
                .extract().asString().lines().anyMatch(l -> l.startsWith("parus_events_published_total{")
                        && l.contains("type=\"ru.parus.customer.CustomerRegistered.v1\"") && !l.endsWith(" 0.0")));
    }

    @Test
    void badPhoneIsAValidationProblemNamingTheField() {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("""
                        {"name":"Иван","phone":"12","type":"FITNESS"}""")
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("phone"));
    }

    @Test
    void missingFieldsAreListed() {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\"}")
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("email"));
    }

    @Test
    void unknownCustomerTypeNamesTheAllowedOnes() {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("""
                        {"name":"Иван","phone":"+79123456789","type":"ASTRONAUT"}""")
                .post("/customers")
                .then().statusCode(400)
                .body("errors.field", hasItem("type"))
                .body("allowedTypes", hasItem("WHOLESALE"));
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"name\": \"Иван\", ")
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("[1,2]")
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
    }

    @Test
    void aNulCharacterTheDatabaseRefusesIsAValidationProblemAndStoresNothing() {
        String email = "nul." + UUID.randomUUID() + "@example.org";
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"name\":\"nul\\u0000byte\",\"phone\":\"" + DormancyTest.randomPhone() + "\",\"email\":\""
                        + email + "\",\"type\":\"ATHLETE\"}")
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"));
        // nothing half-stored: the same e-mail registers afterwards without a 409
        createCustomer(HEAD, DormancyTest.randomPhone(), email);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().auth().oauth2(HEAD).get("/customers/{id}", "6f1c9a8e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(HEAD).get("/customers/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void R24_aManagerDoesNotSeeAnotherManagersCustomer() {
        String id = createCustomer(TestInfra.token("manager-1", "MANAGER"), "+7 912 000-00-01");
        given().auth().oauth2(TestInfra.token("manager-1", "MANAGER")).get("/customers/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestInfra.token("manager-2", "MANAGER")).get("/customers/{id}", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(TestInfra.token("director-1", "DIRECTOR")).get("/customers/{id}", id).then().statusCode(200);
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403BothAsProblems() {
        given().contentType(ContentType.JSON).body("{}").post("/customers")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2("not.a.jwt").get("/customers/6f1c9a8e-0000-4000-8000-000000000000")
                .then().statusCode(401)
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/customers/6f1c9a8e-0000-4000-8000-000000000000")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:forbidden"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        EndpointChecks.operationalEndpointsAreOpen();
    }
}
