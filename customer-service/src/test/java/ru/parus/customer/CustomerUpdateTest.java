package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** PATCH /customers/{id} (CustomerUpdated) and notes (R6). */
@QuarkusTest
class CustomerUpdateTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String MANAGER = TestInfra.token("manager-u1", "MANAGER");
    static final String UPDATED = "ru.parus.customer.CustomerUpdated.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    static String phone() {
        return "+7 929 " + (1000000 + (int) (Math.random() * 8999999));
    }

    static String etag(String token, String customer) {
        return given().auth().oauth2(token).get("/customers/{id}", customer).then().statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse patch(String token, String customer, String ifMatch, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .patch("/customers/{id}", customer).then();
    }

    static List<JsonNode> updates(String customer, int expected) throws Exception {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("customer-events",
                r -> customer.equals(r.key()) && UPDATED.equals(TestKafka.header(r, "ce_type")), expected,
                Duration.ofSeconds(expected == 0 ? 3 : 10));
        List<JsonNode> out = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            assertTrue(EventSchemas.violations("CustomerUpdated.v1", r.value()).isEmpty(),
                    () -> EventSchemas.violations("CustomerUpdated.v1", r.value()) + " in " + r.value());
            out.add(JSON.readTree(r.value()));
        }
        return out;
    }

    @Test
    void aCompanyWithValidInnAndTagsIsSavedAndCustomerUpdatedNamesTheChangedFields() throws Exception {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        String tag = etag(MANAGER, customer);
        String newTag = patch(MANAGER, customer, tag, """
                {"name":"ООО Спорт","type":"WHOLESALE","kind":"COMPANY",
                 "company":{"legalName":"ООО «Спорт-Питание»","inn":"7707083893","kpp":"773601001"},
                 "tags":["VIP","опт"," VIP "]}""")
                .statusCode(200)
                .body("name", equalTo("ООО Спорт")).body("type", equalTo("WHOLESALE")).body("kind", equalTo("COMPANY"))
                .body("company.inn", equalTo("7707083893")).body("company.kpp", equalTo("773601001"))
                .body("tags", contains("VIP", "опт"))
                .extract().header("ETag");
        assertEquals(Long.parseLong(tag.replace("\"", "")) + 1, Long.parseLong(newTag.replace("\"", "")));
        given().auth().oauth2(MANAGER).get("/customers/{id}", customer).then()
                .body("company.legalName", equalTo("ООО «Спорт-Питание»")).body("tags", contains("VIP", "опт"));
        JsonNode event = updates(customer, 1).get(0);
        assertEquals(List.of("name", "type", "kind", "company", "tags"),
                JSON.convertValue(event.get("changedFields"), List.class));
        assertEquals("7707083893", event.get("company").get("inn").asText());
        assertEquals("manager-u1", event.get("updatedBy").asText());
        assertEquals(Long.parseLong(newTag.replace("\"", "")), event.get("version").asLong());
        assertTrue(!event.has("ownerManagerId"), "unchanged fields are absent: " + event);

        // the same values again: no new version, no event
        patch(MANAGER, customer, newTag, "{\"tags\":[\"опт\",\"VIP\"],\"kind\":\"COMPANY\"}").statusCode(200)
                .header("ETag", equalTo(newTag));
        // a stale version is 412; no If-Match is 428 (HttpProblemsTest)
        patch(MANAGER, customer, tag, "{\"name\":\"Другое\"}").statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:precondition-failed"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"name\":\"Другое\"}")
                .patch("/customers/{id}", customer).then().statusCode(428)
                .body("type", equalTo("urn:parus:problem:precondition-required"));
        // back to a person: the company details go
        patch(MANAGER, customer, newTag, "{\"kind\":\"PERSON\"}").statusCode(200)
                .body("kind", equalTo("PERSON")).body("company", nullValue());
        List<JsonNode> events = updates(customer, 2);
        assertEquals(2, events.size());
        JsonNode second = events.get(1);
        assertEquals(List.of("kind", "company"), JSON.convertValue(second.get("changedFields"), List.class));
        assertTrue(second.get("company").isNull());
    }

    @Test
    void anIndividualEntrepreneurHasATwelveDigitInnAndNoKpp() {
        String customer = CustomerApiTest.createCustomer(HEAD, phone());
        patch(HEAD, customer, etag(HEAD, customer),
                "{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ИП Петров\",\"inn\":\"500100732259\"}}")
                .statusCode(200).body("company.inn", equalTo("500100732259")).body("company.kpp", nullValue());
    }

    @Test
    void badFieldsAreValidationProblemsNamingTheField() {
        String customer = CustomerApiTest.createCustomer(HEAD, phone());
        String tag = etag(HEAD, customer);
        record Bad(String body, String field) {
        }
        for (Bad bad : List.of(
                new Bad("{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ООО\",\"inn\":\"7707083894\",\"kpp\":\"773601001\"}}", "company.inn"),
                new Bad("{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ООО\",\"inn\":\"500100732258\"}}", "company.inn"),
                new Bad("{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ООО\",\"inn\":\"77070838\"}}", "company.inn"),
                new Bad("{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ООО\",\"inn\":\"7707083893\"}}", "company.kpp"),
                new Bad("{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ООО\",\"inn\":\"7707083893\",\"kpp\":\"77-601001\"}}", "company.kpp"),
                new Bad("{\"kind\":\"COMPANY\",\"company\":{\"inn\":\"7707083893\",\"kpp\":\"773601001\"}}", "company.legalName"),
                new Bad("{\"kind\":\"COMPANY\"}", "company"),
                new Bad("{\"company\":{\"legalName\":\"ООО\",\"inn\":\"7707083893\",\"kpp\":\"773601001\"}}", "company"),
                new Bad("{\"kind\":\"ROBOT\"}", "kind"),
                new Bad("{\"type\":\"ASTRONAUT\"}", "type"),
                new Bad("{\"name\":\"  \"}", "name"),
                new Bad("{\"name\":null}", "name"),
                new Bad("{\"tags\":\"VIP\"}", "tags"),
                new Bad("{\"tags\":[\"\"]}", "tags[0]"),
                new Bad("{\"phone\":\"+79120000000\"}", "phone"))) {
            patch(HEAD, customer, tag, bad.body()).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation")).body("errors.field", hasItem(bad.field()));
        }
        patch(HEAD, customer, tag, "[1]").statusCode(400).contentType("application/problem+json");
        patch(HEAD, customer, tag, "{not json").statusCode(400).contentType("application/problem+json");
        patch(HEAD, customer, "\"x\"", "{}").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/customers/{id}", customer).then().header("ETag", equalTo(tag));
    }

    @Test
    void onlyTheHeadReassignsTheOwner() throws Exception {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        patch(MANAGER, customer, etag(MANAGER, customer), "{\"ownerManagerId\":\"manager-u2\"}").statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        patch(HEAD, customer, etag(HEAD, customer), "{\"ownerManagerId\":\"manager-u2\"}").statusCode(200)
                .body("ownerManagerId", equalTo("manager-u2"));
        // R24: the former owner no longer sees the customer; the new one does
        given().auth().oauth2(MANAGER).get("/customers/{id}", customer).then().statusCode(403);
        given().auth().oauth2(TestInfra.token("manager-u2", "MANAGER")).get("/customers/{id}", customer).then().statusCode(200);
        JsonNode event = updates(customer, 1).get(0);
        assertEquals("manager-u2", event.get("ownerManagerId").asText());
        assertEquals(List.of("ownerManagerId"), JSON.convertValue(event.get("changedFields"), List.class));
        // another manager's customer cannot be patched
        patch(MANAGER, customer, etag(HEAD, customer), "{\"name\":\"Чужой\"}").statusCode(403);
    }

    @Test
    void R6_aNoteAppearsInTheTimeline() {
        String customer = CustomerApiTest.createCustomer(MANAGER, phone());
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"text\":\"Просил перезвонить после 18:00\"}")
                .post("/customers/{id}/notes", customer).then().statusCode(201)
                .body("text", equalTo("Просил перезвонить после 18:00")).body("writtenBy", equalTo("manager-u1"));
        given().auth().oauth2(MANAGER).get("/customers/{id}/timeline", customer).then().statusCode(200)
                .body("items[0].kind", equalTo("NoteAdded"))
                .body("items[0].summary.text", equalTo("Просил перезвонить после 18:00"))
                .body("items[0].summary.writtenBy", equalTo("manager-u1"));
        for (String body : List.of("{}", "{\"text\":\"  \"}", "{\"text\":\"" + "x".repeat(4001) + "\"}")) {
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                    .post("/customers/{id}/notes", customer).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(TestInfra.token("manager-u3", "MANAGER")).contentType(ContentType.JSON)
                .body("{\"text\":\"чужой\"}").post("/customers/{id}/notes", customer).then().statusCode(403);
    }
}
