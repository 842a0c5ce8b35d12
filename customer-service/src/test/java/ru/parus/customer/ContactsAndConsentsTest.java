package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** R21: several contacts, consent per channel, preferences; optimistic locking with ETag / If-Match. */
@QuarkusTest
class ContactsAndConsentsTest {
    static final String MANAGER = TestInfra.token("manager-21", "MANAGER");
    static final ObjectMapper JSON = new ObjectMapper();

    static String phone() {
        return "+7 918 " + (1000000 + (int) (Math.random() * 8999999));
    }

    static String etag(String customer, String what) {
        return given().auth().oauth2(MANAGER).get("/customers/{id}/" + what, customer).then().statusCode(200)
                .extract().header("ETag");
    }

    static ConsumerRecord<String, String> lastEvent(String customer, String type) {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("customer-events",
                r -> customer.equals(r.key()) && ("ru.parus.customer." + type + ".v1").equals(TestKafka.header(r, "ce_type")),
                1, Duration.ofSeconds(10));
        assertEquals(1, records.size(), type + " published");
        String value = records.get(0).value();
        assertTrue(EventSchemas.violations(type + ".v1", value).isEmpty(),
                () -> EventSchemas.violations(type + ".v1", value) + " in " + value);
        return records.get(0);
    }

    @Test
    void R21_severalPhonesEmailsAndMessengersAreStoredNormalisedAndPublished() throws Exception {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(customer, "contacts");
        String second = phone();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag)
                .body("""
                        {"phones":["8 (918) 555-44-33","%s"],"emails":["Anna.Work@Example.org"],
                         "messengers":[{"network":"TELEGRAM","handle":"@anna_fit"},{"network":"VK","handle":"id123"}]}"""
                        .formatted(second))
                .put("/customers/{id}/contacts", customer)
                .then().statusCode(200)
                .body("phones", contains("+79185554433", second.replace(" ", "")))
                .body("emails", contains("anna.work@example.org"))
                .body("messengers.network", contains("TELEGRAM", "VK"));
        given().auth().oauth2(MANAGER).get("/customers/{id}", customer).then()
                .body("phone", equalTo("+79185554433")).body("email", equalTo("anna.work@example.org"));
        JsonNode event = JSON.readTree(lastEvent(customer, "CustomerContactsChanged").value());
        assertEquals("+79185554433", event.get("phones").get(0).asText());
        assertEquals("@anna_fit", event.get("messengers").get(0).get("handle").asText());
        assertEquals("manager-21", event.get("changedBy").asText());
    }

    @Test
    void R21_aStaleIfMatchIs412AndAMissingOneIs428() {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(customer, "contacts");
        String body = """
                {"phones":["%s"]}""".formatted(phone());
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .put("/customers/{id}/contacts", customer).then().statusCode(200);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .put("/customers/{id}/contacts", customer).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:precondition-failed"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                .put("/customers/{id}/contacts", customer).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:precondition-required"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"consents\":[]}")
                .put("/customers/{id}/consents", customer).then().statusCode(412);
    }

    @Test
    void R21_badContactsAreProblemsNamingTheField() {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(customer, "contacts");
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case("{\"phones\":[\"+79180000000\",\"12\"]}", "phones[1]"),
                new Case("{\"emails\":[\"nope\"]}", "emails[0]"),
                new Case("{\"messengers\":[{\"network\":\"ICQ\",\"handle\":\"1\"}]}", "messengers[0].network"),
                new Case("{\"messengers\":[{\"network\":\"VK\",\"handle\":\" \"}]}", "messengers[0].handle"),
                new Case("{\"phones\":[]}", "phones"))) {
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag).body(c.body())
                    .put("/customers/{id}/contacts", customer).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
        }
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag).body("{\"phones\":7}")
                .put("/customers/{id}/contacts", customer).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void R21_consentPerChannelWithWhenAndHowPreferredChannelAndQuietHoursArePublished() throws Exception {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(customer, "consents");
        String newTag = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag)
                .body("""
                        {"consents":[{"channel":"SMS","granted":true,"method":"CALL"},
                                     {"channel":"EMAIL","granted":false,"method":"WRITTEN"}],
                         "preferredChannel":"SMS","quietHours":{"from":"21:00","to":"09:00"},
                         "timeZone":"Asia/Yekaterinburg"}""")
                .put("/customers/{id}/consents", customer)
                .then().statusCode(200)
                .body("consents.channel", contains("SMS", "EMAIL"))
                .body("consents.granted", contains(true, false))
                .body("consents.method", contains("CALL", "WRITTEN"))
                .body("consents[0].changedBy", equalTo("manager-21"))
                .body("preferredChannel", equalTo("SMS"))
                .body("timeZone", equalTo("Asia/Yekaterinburg"))
                .extract().header("ETag");
        JsonNode event = JSON.readTree(lastEvent(customer, "CustomerConsentChanged").value());
        assertEquals("SMS", event.get("preferredChannel").asText());
        assertTrue(event.get("addresses").get("SMS").asText().startsWith("+7918"), event.toString());
        assertEquals("21:00:00", event.get("quietHours").get("from").asText());
        assertEquals(false, event.get("consents").get(1).get("granted").asBoolean());

        // withdrawing the preferred channel's consent while it stays preferred is refused
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", newTag)
                .body("{\"consents\":[{\"channel\":\"SMS\",\"granted\":false,\"method\":\"CALL\"}]}")
                .put("/customers/{id}/consents", customer)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"));
        given().auth().oauth2(MANAGER).get("/customers/{id}/consents", customer).then()
                .body("consents[0].granted", equalTo(true));
    }

    @Test
    void R21_badConsentsAreProblems() {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(customer, "consents");
        for (String body : List.of(
                "{\"consents\":[{\"channel\":\"PIGEON\",\"granted\":true,\"method\":\"CALL\"}]}",
                "{\"consents\":[{\"channel\":\"SMS\",\"granted\":true,\"method\":\"TELEPATHY\"}]}",
                "{\"consents\":[{\"channel\":\"SMS\",\"method\":\"CALL\"}]}",
                "{\"quietHours\":{\"from\":\"25:00\",\"to\":\"09:00\"},\"timeZone\":\"Europe/Moscow\"}",
                "{\"quietHours\":{\"from\":\"22:00\",\"to\":\"09:00\"}}",
                "{\"timeZone\":\"Mars/Olympus\"}",
                "{\"preferredChannel\":\"VK\"}")) {
            int status = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag).body(body)
                    .put("/customers/{id}/consents", customer).then()
                    .contentType("application/problem+json")
                    .extract().statusCode();
            assertTrue(status == 400 || status == 422, body + " -> " + status);
        }
    }

    @Test
    void R24_anotherManagerCannotChangeContacts() {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(customer, "contacts");
        given().auth().oauth2(TestInfra.token("manager-22", "MANAGER")).contentType(ContentType.JSON)
                .header("If-Match", tag).body("{\"phones\":[\"" + phone() + "\"]}")
                .put("/customers/{id}/contacts", customer).then().statusCode(403);
        given().auth().oauth2(TestInfra.token("manager-22", "MANAGER")).get("/customers/{id}/consents", customer)
                .then().statusCode(403);
        assertTrue(UUID.fromString(customer) != null);
    }

    @Test
    void aPhoneAddedAsSecondContactIsFoundAsADuplicate() {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String extra = phone();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", etag(customer, "contacts"))
                .body("{\"phones\":[\"" + phone() + "\",\"" + extra + "\"]}")
                .put("/customers/{id}/contacts", customer).then().statusCode(200);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"phone\":\"" + extra + "\",\"type\":\"FITNESS\"}")
                .post("/customers").then().statusCode(409).body("existingCustomerId", equalTo(customer));
    }
}
