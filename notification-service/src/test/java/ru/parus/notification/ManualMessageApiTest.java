package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.domain.CustomerReachability;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.service.DeliveryStatusUpdate;

/** Managers' messages (R21) over HTTP: the same pipeline, attachments by e-mail, problems for bad input, roles (R24). */
@QuarkusTest
class ManualMessageApiTest {
    static final String MANAGER = TestInfra.token("manager-1", "MANAGER");
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    MessageLogRepository messages;
    @Inject
    DeliveryStatusUpdate deliveryStatus;

    String customerReachableByEmail(String to) throws Exception {
        String customer = id();
        Events.sendRegistered(customer, "manager-1"); // R24: manager-1 reads this customer's messages
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))),
                r -> r != null && r.consentVersion >= 0 && "manager-1".equals(r.ownerManagerId));
        return customer;
    }

    @Test
    void R21_aManagersMessageWithAnAttachmentArrivesByEmailAndIsLogged() throws Exception {
        String to = "m" + id().substring(0, 8) + "@example.org";
        String customer = customerReachableByEmail(to);
        byte[] pdf = "%PDF-1.4 прайс-лист".getBytes(StandardCharsets.UTF_8);
        String messageId = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("""
                        {"customerId":"%s","text":"Здравствуйте! Прайс-лист на декабрь во вложении.","subject":"Прайс-лист",
                         "attachments":[{"fileName":"price-list.pdf","contentType":"application/pdf","contentBase64":"%s"}]}"""
                        .formatted(customer, Base64.getEncoder().encodeToString(pdf)))
                .post("/messages").then().statusCode(202)
                .body("status", equalTo("QUEUED")).body("channel", equalTo("EMAIL")).body("kind", equalTo("FREE_TEXT"))
                .extract().path("id");

        Events.awaitMails(to, 1);
        MimeMessage mail = Events.mailsTo(to).get(0);
        assertEquals("Прайс-лист", mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals("Здравствуйте! Прайс-лист на декабрь во вложении.", parts.getBodyPart(0).getContent().toString().strip());
        BodyPart attachment = parts.getBodyPart(1);
        assertEquals("price-list.pdf", attachment.getFileName());
        assertTrue(attachment.getContentType().startsWith("application/pdf"), attachment.getContentType());
        assertEquals(new String(pdf, StandardCharsets.UTF_8),
                new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/messages/{id}", messageId).then().statusCode(200).body("status", equalTo("SENT"))
                .body("requestedBy", equalTo("manager-1")).body("history.status", hasItem("SENDING")));
        given().auth().oauth2(MANAGER).get("/messages?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(messageId));

        // R21: the provider's delivery report updates the log
        MessageLog sent = QuarkusTransaction.requiringNew().call(() -> messages.findById(UUID.fromString(messageId)));
        assertTrue(deliveryStatus.recordDeliveryReport(sent.providerMessageId, "DELIVERED", Instant.now(), "250 OK"));
        given().auth().oauth2(HEAD).get("/messages/{id}", messageId).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        assertTrue(!deliveryStatus.recordDeliveryReport("unknown-" + id(), "DELIVERED", Instant.now(), null));
    }

    @Test
    void R21_smscsDeliveryCallbackMarksTheSmsDelivered() throws Exception {
        String customer = id();
        Events.sendRegistered(customer, "manager-1"); // R24: manager-1 reads this customer's messages
        Events.sendConsent(Events.consent(customer, "SMS", null, null, null, "SMS", "+79120001122"));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))),
                r -> r != null && r.consentVersion >= 0 && "manager-1".equals(r.ownerManagerId));
        String messageId = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Ваш заказ собран\"}")
                .post("/messages").then().statusCode(202).body("channel", equalTo("SMS")).extract().path("id");
        // the local stack's and the tests' SMS provider is the log sink; SMSC is played by WireMock in SmscGatewayTest
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/messages/{id}", messageId).then().statusCode(200).body("status", equalTo("SENT")));
        MessageLog sent = QuarkusTransaction.requiringNew().call(() -> messages.findById(UUID.fromString(messageId)));
        given().contentType(ContentType.URLENC).queryParam("secret", "test-callback-secret")
                .formParam("id", sent.providerMessageId).formParam("status", "1").formParam("err", "0")
                .formParam("phone", "79120001122").post("/provider-callbacks/smsc").then().statusCode(200);
        given().auth().oauth2(HEAD).get("/messages/{id}", messageId).then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("history.status", hasItem("DELIVERED"));
    }

    @Test
    void R24_erasureBlanksStoredBodiesAndAddresses() throws Exception {
        String to = "e" + id().substring(0, 8) + "@example.org";
        String customer = customerReachableByEmail(to);
        String messageId = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Личное сообщение\"}")
                .post("/messages").then().statusCode(202).extract().path("id");
        Events.awaitMails(to, 1);
        var erased = Events.example("CustomerErased");
        erased.put("customerId", customer);
        Events.send("customer-events", customer, "customer", "CustomerErased", id(), erased);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            CustomerReachability r = reachability.findById(UUID.fromString(customer));
            return r.erasedAt != null;
        }));
        MessageLog m = QuarkusTransaction.requiringNew().call(() -> messages.findById(UUID.fromString(messageId)));
        assertEquals(null, m.body);
        assertEquals(null, m.address);
        assertEquals(MessageStatus.SENT, m.status, "the log of what happened stays");
        // a later message to the erased customer is not sent
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"ещё\"}")
                .post("/messages").then().statusCode(202).body("status", equalTo("SKIPPED"))
                .body("reason", equalTo("CUSTOMER_ERASED"));
    }

    @Test
    void R24_erasureBlanksProviderDetailsInTheStatusHistory() throws Exception {
        String to = "h" + id().substring(0, 8) + "@example.org";
        String customer = customerReachableByEmail(to);
        String messageId = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Личное сообщение\"}")
                .post("/messages").then().statusCode(202).extract().path("id");
        Events.awaitMails(to, 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/messages/{id}", messageId).then().statusCode(200).body("status", equalTo("SENT")));
        // a provider's words about a retry, quoting the address, as an SMTP server's rejection does
        QuarkusTransaction.requiringNew().run(() -> messages.getEntityManager().createNativeQuery("""
                INSERT INTO message_status_history (message_id, status, attempt, detail, at)
                VALUES (?1, 'QUEUED', 1, ?2, now())""").setParameter(1, UUID.fromString(messageId))
                .setParameter(2, "retry after: 451 4.2.0 <" + to + ">: mailbox busy").executeUpdate());
        given().auth().oauth2(HEAD).get("/messages/{id}", messageId).then().statusCode(200)
                .body("history.detail", hasItem(containsString(to)));

        var erased = Events.example("CustomerErased");
        erased.put("customerId", customer);
        Events.send("customer-events", customer, "customer", "CustomerErased", id(), erased);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer)).erasedAt != null));
        long details = QuarkusTransaction.requiringNew().call(() -> ((Number) messages.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM message_status_history WHERE message_id = ?1 AND detail IS NOT NULL")
                .setParameter(1, UUID.fromString(messageId)).getSingleResult()).longValue());
        assertEquals(0, details);
        String shown = given().auth().oauth2(HEAD).get("/messages/{id}", messageId).then().statusCode(200)
                .body("status", equalTo("SENT")).body("history.status", hasItem("SENT")).extract().asString();
        assertFalse(shown.contains(to), shown);
        assertFalse(shown.contains("Личное сообщение"), shown);
    }

    @Test
    void R21_badRequestsGetProblemBodies() {
        String customer = UUID.randomUUID().toString();
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case("{\"text\":\"без клиента\"}", "customerId"),
                new Case("{\"customerId\":\"" + customer + "\"}", "text"),
                new Case("{\"customerId\":\"" + customer + "\",\"kind\":\"PAYMENT_REMINDER\",\"text\":\"x\"}", "text"),
                new Case("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"attachments\":[{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"contentBase64\":\"***\"}]}", "attachments[0].contentBase64"),
                new Case("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"attachments\":[{\"fileName\":\"../a.pdf\",\"contentType\":\"pdf\",\"contentBase64\":\"QUJD\"}]}", "attachments[0].fileName"),
                new Case("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"attachments\":[{\"fileName\":\"big.bin\",\"contentType\":\"application/octet-stream\",\"contentBase64\":\""
                        + Base64.getEncoder().encodeToString(new byte[70_000]) + "\"}]}", "attachments"))) {
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(c.body()).post("/messages")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation"))
                    .body("errors.field", hasItem(c.field()));
        }
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"customerId\":\"x\",\"text\":\"y\"}")
                .post("/messages").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"customerId\":\"" + customer + "\",\"text\":\"y\",\"channel\":\"PIGEON\"}")
                .post("/messages").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"customerId\":").post("/messages")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"kind\":\"PAYMENT_REMINDER\",\"parameters\":{\"orderNumber\":\"1\"}}")
                .post("/messages").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).get("/messages").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).get("/messages?customerId=" + customer + "&size=1000").then().statusCode(400)
                .contentType("application/problem+json");
        // R24: staff tokens only, and sending is for managers and the head
        given().contentType(ContentType.JSON).body("{}").post("/messages").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/messages?customerId=" + customer)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("d-1", "DIRECTOR")).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"y\"}").post("/messages")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void R21_noConsentForAManagersMessageIsSkippedNotSent() throws Exception {
        String customer = id();
        Events.sendRegistered(customer, "manager-1"); // R24: manager-1's customer, who consented to nothing
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))),
                r -> r != null && "manager-1".equals(r.ownerManagerId));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"привет\"}").post("/messages")
                .then().statusCode(202).body("status", equalTo("SKIPPED")).body("reason", equalTo("NO_CONSENT"));
    }

    @Test
    void R13_templatePreviewRendersRussianTextWithItsVersion() {
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"kind\":\"ORDER_READY\",\"channel\":\"EMAIL\"}")
                .post("/templates/preview").then().statusCode(200)
                .body("subject", equalTo("Ваш заказ № 0B9F6C1E готов"))
                .body("body", org.hamcrest.Matchers.containsString("прибыл в пункт выдачи CDEK-EKB-117"))
                .body("body", org.hamcrest.Matchers.containsString("К оплате при получении: 5 215,50 ₽."))
                .body("templateVersion", startsWith("ORDER_READY/EMAIL@"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}")
                .post("/templates/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
    }
}
