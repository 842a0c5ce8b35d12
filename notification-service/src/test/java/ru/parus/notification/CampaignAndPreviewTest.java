package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.MessageLogRepository;

/** R11 promotions by campaign, only with consent; template previews with SMS length (R21). */
@QuarkusTest
class CampaignAndPreviewTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String DIRECTOR = TestInfra.token("director-1", "DIRECTOR");
    static final String MANAGER = TestInfra.token("manager-1", "MANAGER");
    static final String PARAMS = """
            {"title":"Скидка 15% на протеин","offer":"До конца декабря — минус 15% на сывороточный протеин WATTN.",
             "promoCode":"WINTER15","validUntil":"31.12.2026"}""";

    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    MessageLogRepository messages;

    void awaitProjected(String customer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))), r -> r != null && r.consentVersion >= 0);
    }

    MessageLog byCause(String cause) {
        return QuarkusTransaction.requiringNew().call(() -> messages.byCause(cause));
    }

    static String campaign(String campaignId, String customerIds) {
        return "{\"campaignId\":\"" + campaignId + "\",\"kind\":\"PROMOTION\",\"parameters\":" + PARAMS
                + (customerIds == null ? "" : ",\"customerIds\":" + customerIds) + "}";
    }

    @Test
    void R11_aPromotionGoesOnlyToConsentedCustomersOncePerCampaign() throws Exception {
        String byEmail = id();
        String bySms = id();
        String none = id();
        String to = "promo" + id().substring(0, 8) + "@example.org";
        Events.sendConsent(Events.consent(byEmail, "EMAIL", null, null, null, "EMAIL", to));
        Events.sendConsent(Events.consent(bySms, "SMS", null, null, null, "SMS", "+79125550101"));
        ObjectNode withdrawn = Events.consent(none, null, null, null, null);
        withdrawn.putArray("consents").addObject().put("channel", "EMAIL").put("granted", false)
                .put("changedAt", "2026-11-27T10:05:00Z").put("method", "CALL");
        withdrawn.putObject("addresses").put("EMAIL", "none" + to);
        Events.sendConsent(withdrawn);
        for (String c : List.of(byEmail, bySms, none)) {
            awaitProjected(c);
        }
        String campaignId = "winter-" + id().substring(0, 8);
        String ids = "[\"" + byEmail + "\",\"" + bySms + "\",\"" + none + "\"]";

        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(campaign(campaignId, ids)).post("/campaign-messages")
                .then().statusCode(202).body("campaignId", equalTo(campaignId)).body("customers", equalTo(3))
                .body("queued", equalTo(2)).body("skippedNoConsent", equalTo(1)).body("alreadyRequested", equalTo(0));
        // the same campaign again: no second message for anyone
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON).body(campaign(campaignId, ids)).post("/campaign-messages")
                .then().statusCode(202).body("queued", equalTo(0)).body("skippedNoConsent", equalTo(0))
                .body("alreadyRequested", equalTo(3));

        Events.awaitMails(to, 1);
        MimeMessage mail = Events.mailsTo(to).get(0);
        assertEquals("Скидка 15% на протеин", mail.getSubject());
        String body = mail.getContent().toString();
        assertTrue(body.contains("Промокод: WINTER15. Действует до 31.12.2026 включительно."), body);
        assertTrue(body.contains("согласились получать наши предложения"), body);
        MessageLog sms = await().atMost(Duration.ofSeconds(20)).until(() -> byCause("CAMPAIGN:" + campaignId + ":" + bySms),
                m -> m != null && MessageStatus.SENT.equals(m.status));
        assertEquals("SMS", sms.channel);
        assertEquals("PROMOTION", sms.kind);
        assertTrue(sms.templateVersion.startsWith("PROMOTION/SMS@"), sms.templateVersion);
        assertTrue(sms.body.startsWith("Скидка 15% на протеин: До конца декабря"), sms.body);
        MessageLog skipped = byCause("CAMPAIGN:" + campaignId + ":" + none);
        assertEquals(MessageStatus.SKIPPED, skipped.status);
        assertEquals("NO_CONSENT", skipped.reason);
        // the events of promotion messages obey their schemas (kind PROMOTION)
        for (var e : List.of(Events.published("MessageSent", sms.id.toString(), 1, Duration.ofSeconds(10)).get(0),
                Events.published("MessageSkipped", skipped.id.toString(), 1, Duration.ofSeconds(10)).get(0))) {
            String schema = "ru.parus.notification.MessageSent.v1".equals(ru.parus.infra.test.TestKafka.header(e, "ce_type"))
                    ? "MessageSent.v1" : "MessageSkipped.v1";
            var violations = ru.parus.platform.testing.EventSchemas.violations(schema, e.value());
            assertTrue(violations.isEmpty(), () -> schema + ": " + violations);
            assertTrue(e.value().contains("\"kind\":\"PROMOTION\""), e.value());
        }
        Thread.sleep(1000);
        assertEquals(1, Events.mailsTo(to).size(), "once per (campaign, customer)");
        assertEquals(0, Events.mailsTo("none" + to).size());

        // without a list: every customer with a consent, and only them
        String all = "all-" + id().substring(0, 8);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(campaign(all, null)).post("/campaign-messages")
                .then().statusCode(202).body("queued", greaterThanOrEqualTo(2)).body("skippedNoConsent", equalTo(0));
        assertEquals("EMAIL", byCause("CAMPAIGN:" + all + ":" + byEmail).channel);
        assertEquals("SMS", byCause("CAMPAIGN:" + all + ":" + bySms).channel);
        assertNull(byCause("CAMPAIGN:" + all + ":" + none), "no consent: not even a row");
        Events.awaitMails(to, 2);
    }

    @Test
    void R11_badCampaignRequestsGetProblems() {
        String five = "[\"" + id() + "\",\"" + id() + "\",\"" + id() + "\",\"" + id() + "\",\"" + id() + "\",\"" + id() + "\"]";
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case("{\"kind\":\"PROMOTION\",\"parameters\":" + PARAMS + ",\"customerIds\":[\"" + id() + "\"]}", "campaignId"),
                new Case("{\"campaignId\":\"a b\",\"kind\":\"PROMOTION\",\"parameters\":" + PARAMS + "}", "campaignId"),
                new Case("{\"campaignId\":\"x\",\"kind\":\"FREE_TEXT\",\"parameters\":" + PARAMS + "}", "kind"),
                new Case("{\"campaignId\":\"x\",\"parameters\":" + PARAMS + "}", "kind"),
                new Case(campaign("x", "[]"), "customerIds"),
                new Case(campaign("x", five), "customerIds"),
                new Case("{\"campaignId\":\"x\",\"kind\":\"PROMOTION\",\"parameters\":{\"title\":\"t\"},\"customerIds\":[\"" + id() + "\"]}", "parameters"))) {
            given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(c.body()).post("/campaign-messages")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation")).body("errors.field", hasItem(c.field()));
        }
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"campaignId\":").post("/campaign-messages")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(campaign("x", "[\"nope\"]")).post("/campaign-messages")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(campaign("x", null)).post("/campaign-messages")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(campaign("x", null)).post("/campaign-messages")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        // R11: a manager cannot send a promotion as a manual message either
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + id() + "\",\"kind\":\"PROMOTION\",\"parameters\":" + PARAMS + "}").post("/messages")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
    }

    @Test
    void R21_theSamplePreviewShowsAnSmsTextsLengthEncodingAndSegments() {
        JsonPath sms = given().auth().oauth2(MANAGER).get("/templates/PROMOTION/SMS/preview").then().statusCode(200)
                .body("subject", nullValue()).body("templateVersion", startsWith("PROMOTION/SMS@"))
                .body("sms.encoding", equalTo("UCS_2")).extract().jsonPath();
        String text = sms.getString("body");
        assertTrue(text.startsWith("Скидка 15% на протеин: До конца декабря"), text);
        assertEquals(text.length(), sms.getInt("sms.length"));
        assertEquals(text.length(), sms.getInt("sms.units"), "no surrogate pairs in this text");
        int expected = text.length() <= 70 ? 1 : (text.length() + 66) / 67;
        assertEquals(expected, sms.getInt("sms.segments"));
        assertTrue(expected >= 2, "the sample promotion is longer than one Cyrillic SMS");

        given().auth().oauth2(MANAGER).get("/templates/PROMOTION/EMAIL/preview").then().statusCode(200)
                .body("subject", equalTo("Скидка 15% на протеин")).body("body", containsString("Промокод: WINTER15"))
                .body("sms", nullValue());
        given().auth().oauth2(MANAGER).get("/templates/ORDER_READY/SMS/preview").then().statusCode(200)
                .body("body", containsString("прибыл в пункт выдачи CDEK-EKB-117")).body("sms.encoding", equalTo("UCS_2"));
        // a Latin-only text is GSM-7: 160 characters in one SMS
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"kind\":\"FREE_TEXT\",\"channel\":\"SMS\",\"parameters\":{\"text\":\"Your order is ready\",\"subject\":\"s\"}}")
                .post("/templates/preview").then().statusCode(200)
                .body("sms.encoding", equalTo("GSM_7")).body("sms.length", equalTo(19)).body("sms.segments", equalTo(1));

        given().auth().oauth2(MANAGER).get("/templates/NOPE/SMS/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().auth().oauth2(MANAGER).get("/templates/PROMOTION/PIGEON/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("channel"));
        given().get("/templates/PROMOTION/SMS/preview").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/templates/PROMOTION/SMS/preview").then()
                .statusCode(403).contentType("application/problem+json");
    }
}
