package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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

/** Bulk import of a storefront export (R6, R24): a report per row, one transaction, a size cap. */
@QuarkusTest
class ImportTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String ADMIN = TestInfra.token("admin-1", "ADMIN");
    static final ObjectMapper JSON = new ObjectMapper();

    static String digits7() {
        return String.valueOf(1000000 + (int) (Math.random() * 8999999));
    }

    static ValidatableResponse post(String token, byte[] csv, String query) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/customers/import" + query).then();
    }

    static long found(String q) {
        return given().auth().oauth2(HEAD).queryParam("q", q).get("/customers").then().statusCode(200)
                .extract().<Integer>path("total");
    }

    @Test
    void R6_aStorefrontExportIsAcceptedMergedOrRejectedPerRowWithLineAndReason() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String a = digits7();
            String b = digits7();
            String existingPhone = "+7 931 " + b;
            String existing = CustomerApiTest.createCustomer(HEAD, existingPhone);
            String newEmail = "imported." + UUID.randomUUID() + "@example.org";
            String quoted = "Фамилия" + System.nanoTime();
            String csv = "\uFEFFname;phone;email;type;storefront;registeredAt\n"
                    + "Анна Импорт;+7 932 " + a + ";Anna." + a + "@Example.org;ATHLETE;LACTOMIN;2024-03-01T10:00:00Z\n" // 2 accepted
                    + "Борис;" + existingPhone.replace("+7 ", "8 ") + ";" + newEmail + ";;WATTN;2025-01-15\n" // 3 merged
                    + "Кирилл;12;;FITNESS;LACTOMIN;\n" // 4 bad phone
                    + ";+7 933 " + digits7() + ";;FITNESS;;\n" // 5 no name
                    + "Дарья;+7 934 " + digits7() + ";;ASTRONAUT;;\n" // 6 unknown type
                    + "Анна И.;8 932 " + a + ";;;;\n" // 7 the phone of line 2: merged, no duplicate
                    + "\"" + quoted + "; Елена\";;elena." + a + "@example.org;healthy_lifestyle;;2023-12-31\n" // 8 accepted
                    + "Фёдор;+7 935 " + digits7() + ";;FITNESS;;2999-01-01\n" // 9 in the future
                    + "Глеб;+7 936 " + digits7() + "\n"; // 10 too few columns
            post(HEAD, csv.getBytes(StandardCharsets.UTF_8), "").statusCode(200)
                    .body("dryRun", equalTo(false))
                    .body("accepted", equalTo(2)).body("merged", equalTo(2))
                    .body("rejected.line", contains(4, 5, 6, 9, 10))
                    .body("rejected[0].reason", startsWith("phone"))
                    .body("rejected[1].reason", startsWith("name"))
                    .body("rejected[2].reason", startsWith("type"))
                    .body("rejected[3].reason", startsWith("registeredAt"))
                    .body("rejected[4].reason", startsWith("expected 6 columns"));

            // one customer for the phone of lines 2 and 7, with the storefront's data
            String imported = given().auth().oauth2(HEAD).queryParam("q", "932 " + a).get("/customers").then()
                    .body("total", equalTo(1)).body("items[0].name", equalTo("Анна Импорт"))
                    .extract().path("items[0].id");
            given().auth().oauth2(HEAD).get("/customers/{id}", imported).then()
                    .body("registeredVia", equalTo("LACTOMIN")).body("type", equalTo("ATHLETE"))
                    .body("createdAt", equalTo("2024-03-01T10:00:00Z")).body("email", equalTo("anna." + a + "@example.org"));
            given().auth().oauth2(HEAD).queryParam("q", quoted).get("/customers").then()
                    .body("total", equalTo(1)).body("items[0].name", equalTo(quoted + "; Елена"))
                    .body("items[0].type", equalTo("HEALTHY_LIFESTYLE"));
            // the known customer got the new e-mail, announced with the whole list
            given().auth().oauth2(HEAD).get("/customers/{id}/contacts", existing).then()
                    .body("emails", hasItem(newEmail)).body("phones.size()", equalTo(1));
            List<ConsumerRecord<String, String>> changed = TestKafka.awaitRecords("customer-events",
                    r -> existing.equals(r.key()) && "ru.parus.customer.CustomerContactsChanged.v1".equals(TestKafka.header(r, "ce_type")),
                    1, Duration.ofSeconds(10));
            assertEquals(1, changed.size());
            assertTrue(EventSchemas.violations("CustomerContactsChanged.v1", changed.get(0).value()).isEmpty(), changed.get(0).value());
            // CustomerRegistered for the accepted rows, through the outbox
            List<ConsumerRecord<String, String>> registered = TestKafka.awaitRecords("customer-events",
                    r -> imported.equals(r.key()) && "ru.parus.customer.CustomerRegistered.v1".equals(TestKafka.header(r, "ce_type")),
                    1, Duration.ofSeconds(10));
            assertEquals(1, registered.size());
            String value = registered.get(0).value();
            assertTrue(EventSchemas.violations("CustomerRegistered.v1", value).isEmpty(),
                    () -> EventSchemas.violations("CustomerRegistered.v1", value) + " in " + value);
            JsonNode event = JSON.readTree(value);
            assertEquals("LACTOMIN", event.get("registeredVia").asText());
            assertEquals("+7932" + a, event.get("phone").asText());
            // R24: rows are never logged
            String logged = log.text();
            assertTrue(logged.contains("customer import by head-1"), logged);
            for (String personal : List.of(a, b, newEmail, quoted, "Анна Импорт")) {
                assertFalse(logged.contains(personal), personal + " was logged:\n" + logged);
            }
        }
    }

    @Test
    void aCommaSeparatedExportWithoutBomAndADryRunThatWritesNothing() {
        String a = digits7();
        String csv = "Name,Phone,Email\n"
                + "Сухой Прогон,+7 937 " + a + ",\n"
                + "Второй,,second." + a + "@example.org\n";
        post(ADMIN, csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true)).body("accepted", equalTo(2)).body("merged", equalTo(0))
                .body("rejected.size()", equalTo(0));
        assertEquals(0, found("937 " + a));
        assertEquals(0, found("second." + a));
        post(ADMIN, csv.getBytes(StandardCharsets.UTF_8), "").statusCode(200).body("accepted", equalTo(2));
        assertEquals(1, found("937 " + a));
        assertEquals(1, found("second." + a));
    }

    @Test
    void R24_aRowFailingInTheDatabaseRollsBackTheWholeImport() {
        String a = digits7();
        String csv = "name;phone;email\n"
                + "Первый;+7 938 " + a + ";\n"
                + "Второй;+7 939 " + a + ";\n"
                + "Ан\u0000на;+7 930 " + a + ";\n"; // PostgreSQL refuses a NUL character in text
        try (LogCapture log = LogCapture.start()) {
            post(HEAD, csv.getBytes(StandardCharsets.UTF_8), "").statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:unprocessable"))
                    .body("line", equalTo(4));
            String logged = log.text();
            assertTrue(logged.contains("failed in the database"), logged);
            assertFalse(logged.contains(a), "R24: a phone of the file was logged:\n" + logged);
        }
        assertEquals(0, found("938 " + a), "line 2 was rolled back");
        assertEquals(0, found("939 " + a), "line 3 was rolled back");
    }

    @Test
    void badFilesAreProblems() {
        String big = "name;phone\n" + ("Имя;+7 912 000 00 00\n".repeat(1200));
        post(HEAD, big.getBytes(StandardCharsets.UTF_8), "").statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:payload-too-large")).body("maxBytes", equalTo(20000));
        post(HEAD, "Анна;+7 912 000 00 00\n".getBytes(StandardCharsets.UTF_8), "").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("header"));
        post(HEAD, new byte[0], "").statusCode(400).contentType("application/problem+json");
        post(HEAD, new byte[] { 'n', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28 }, "").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
        post(HEAD, "name;phone\n\"unclosed;+7 912\n".getBytes(StandardCharsets.UTF_8), "").statusCode(400)
                .contentType("application/problem+json");
        post(TestInfra.token("manager-i1", "MANAGER"), "name;phone\n".getBytes(StandardCharsets.UTF_8), "").statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{}").post("/customers/import").then()
                .statusCode(415).contentType("application/problem+json");
    }
}
