package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.parus.notification.Events.id;
import static ru.parus.notification.Events.send;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.platform.access.PersonalDataAudit;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

/**
 * R24 with R22: whose messages a manager reads and sends (platform's CustomerAccess over this service's owners and
 * absences from the real broker), and the PersonalDataAccessed record of a read.
 */
@QuarkusTest
class MessageAccessTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    SettableClock clock;

    /** A customer owned by {@code owner}, with one (skipped, no consent) message the head sent; returns the message id. */
    String ownedCustomerWithAMessage(String customer, String owner) throws Exception {
        Events.sendRegistered(customer, owner);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))), r -> r != null && owner.equals(r.ownerManagerId));
        return given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Здравствуйте!\"}").post("/messages")
                .then().statusCode(202).extract().path("id");
    }

    static int listStatus(String token, String customer) {
        return given().auth().oauth2(token).get("/messages?customerId={c}", customer).then().extract().statusCode();
    }

    static int getStatus(String token, String messageId) {
        return given().auth().oauth2(token).get("/messages/{id}", messageId).then().extract().statusCode();
    }

    @Test
    void R24_aManagerReadsOnlyTheirCustomersMessagesAndR22_aDeputyWhileTheAbsenceLasts() throws Exception {
        String owner = "mgr-" + id().substring(0, 8);
        String other = "mgr-" + id().substring(0, 8);
        String ownerToken = TestInfra.token(owner, "MANAGER");
        String otherToken = TestInfra.token(other, "MANAGER");
        String customer = id();
        String messageId = ownedCustomerWithAMessage(customer, owner);

        given().auth().oauth2(ownerToken).get("/messages?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(messageId));
        given().auth().oauth2(ownerToken).get("/messages/{id}", messageId).then().statusCode(200);
        // R24: another manager's customer: 403 problem on the list and on the single message
        given().auth().oauth2(otherToken).get("/messages?customerId={c}", customer).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(otherToken).get("/messages/{id}", messageId).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        // the head, the director and the admin read all
        for (String role : new String[] { "HEAD", "DIRECTOR", "ADMIN" }) {
            given().auth().oauth2(TestInfra.token(role.toLowerCase() + "-9", role)).get("/messages/{id}", messageId)
                    .then().statusCode(200);
        }

        // R22: the other manager deputises for the owner: both reads are allowed while the absence lasts
        String absenceId = id();
        ObjectNode started = Events.example("ManagerAbsenceStarted");
        started.put("absenceId", absenceId);
        started.put("managerId", owner);
        started.put("deputyId", other);
        started.put("startsAt", clock.instant().minus(1, ChronoUnit.HOURS).toString());
        started.put("endsAt", clock.instant().plus(14, ChronoUnit.DAYS).toString());
        send("callcenter-events", owner, "callcenter", "ManagerAbsenceStarted", id(), started);
        await().atMost(Duration.ofSeconds(20)).until(() -> listStatus(otherToken, customer) == 200);
        given().auth().oauth2(otherToken).get("/messages/{id}", messageId).then().statusCode(200)
                .body("id", equalTo(messageId));
        // a third manager still may not
        String third = TestInfra.token("mgr-" + id().substring(0, 8), "MANAGER");
        given().auth().oauth2(third).get("/messages/{id}", messageId).then().statusCode(403);

        // R22: the absence ended: the deputy's access ends
        ObjectNode ended = Events.example("ManagerAbsenceEnded");
        ended.put("absenceId", absenceId);
        ended.put("managerId", owner);
        ended.put("deputyId", other);
        ended.put("endedAt", clock.instant().toString());
        send("callcenter-events", owner, "callcenter", "ManagerAbsenceEnded", id(), ended);
        await().atMost(Duration.ofSeconds(20)).until(() -> listStatus(otherToken, customer) == 403);
        given().auth().oauth2(otherToken).get("/messages/{id}", messageId).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(ownerToken).get("/messages/{id}", messageId).then().statusCode(200);
        // R24: staff tokens only
        given().get("/messages/{id}", messageId).then().statusCode(401).contentType("application/problem+json");
        given().get("/messages?customerId={c}", customer).then().statusCode(401);
    }

    static int sendStatus(String token, String customer) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Здравствуйте!\"}").post("/messages")
                .then().extract().statusCode();
    }

    @Test
    void R24_aManagerSendsToTheirOwnAndUnownedCustomersNotAnothersAndR22_toAnAbsentColleaguesWhileDeputising()
            throws Exception {
        String owner = "mgr-" + id().substring(0, 8);
        String other = "mgr-" + id().substring(0, 8);
        String ownerToken = TestInfra.token(owner, "MANAGER");
        String otherToken = TestInfra.token(other, "MANAGER");
        String customer = id();
        ownedCustomerWithAMessage(customer, owner);

        assertEquals(202, sendStatus(ownerToken, customer));
        // R24: another manager's customer: 403 problem, and nothing is logged for the attempt
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Здравствуйте!\"}").post("/messages")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:forbidden")).body("customerId", equalTo(customer));
        given().auth().oauth2(HEAD).get("/messages?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(2));
        // the head sends to anyone; R24 (issue 16): a customer without a known owner is unowned, so any manager may
        String nobodys = id();
        assertEquals(202, sendStatus(HEAD, customer));
        assertEquals(202, sendStatus(otherToken, nobodys));
        assertEquals(202, sendStatus(HEAD, nobodys));

        // R22: while the other manager deputises for the owner, they may send to the owner's customer
        ObjectNode started = Events.example("ManagerAbsenceStarted");
        started.put("absenceId", id());
        started.put("managerId", owner);
        started.put("deputyId", other);
        started.put("startsAt", clock.instant().minus(1, ChronoUnit.HOURS).toString());
        started.put("endsAt", clock.instant().plus(7, ChronoUnit.DAYS).toString());
        send("callcenter-events", owner, "callcenter", "ManagerAbsenceStarted", id(), started);
        await().atMost(Duration.ofSeconds(20)).until(() -> listStatus(otherToken, customer) == 200);
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Пишу вместо коллеги\"}").post("/messages")
                .then().statusCode(202).body("customerId", equalTo(customer));
        // ... but not to a third manager's customer
        String third = "mgr-" + id().substring(0, 8);
        String thirdsCustomer = id();
        ownedCustomerWithAMessage(thirdsCustomer, third);
        assertEquals(403, sendStatus(otherToken, thirdsCustomer));
    }

    @Test
    void R22_anAbsenceWhosePlannedEndPassedGivesNoAccess() throws Exception {
        String owner = "mgr-" + id().substring(0, 8);
        String deputy = "mgr-" + id().substring(0, 8);
        String customer = id();
        String messageId = ownedCustomerWithAMessage(customer, owner);
        ObjectNode started = Events.example("ManagerAbsenceStarted");
        started.put("absenceId", id());
        started.put("managerId", owner);
        started.put("deputyId", deputy);
        started.put("startsAt", clock.instant().minus(10, ChronoUnit.DAYS).toString());
        started.put("endsAt", clock.instant().minus(1, ChronoUnit.DAYS).toString());
        send("callcenter-events", owner, "callcenter", "ManagerAbsenceStarted", id(), started);
        // an absence still running, for a marker that the events were consumed
        String customer2 = id();
        String owner2 = "mgr-" + id().substring(0, 8);
        String message2 = ownedCustomerWithAMessage(customer2, owner2);
        ObjectNode running = Events.example("ManagerAbsenceStarted");
        running.put("absenceId", id());
        running.put("managerId", owner2);
        running.put("deputyId", deputy);
        running.put("startsAt", clock.instant().minus(1, ChronoUnit.DAYS).toString());
        running.put("endsAt", clock.instant().plus(1, ChronoUnit.DAYS).toString());
        send("callcenter-events", owner2, "callcenter", "ManagerAbsenceStarted", id(), running);
        String deputyToken = TestInfra.token(deputy, "MANAGER");
        await().atMost(Duration.ofSeconds(20)).until(() -> getStatus(deputyToken, message2) == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) reachability.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM manager_absence WHERE manager_id = ?1").setParameter(1, owner)
                        .getSingleResult()).intValue() == 1));
        given().auth().oauth2(deputyToken).get("/messages/{id}", messageId).then().statusCode(403);
    }

    @Test
    void R24_anUnownedOrUnknownCustomersMessagesAreReadAndSentByAnyManager() throws Exception {
        String manager = TestInfra.token("mgr-" + id().substring(0, 8), "MANAGER");
        // registered without an owner
        String unowned = id();
        ObjectNode registered = Events.example("CustomerRegistered");
        registered.put("customerId", unowned);
        registered.putNull("ownerManagerId");
        send("customer-events", unowned, "customer", "CustomerRegistered", id(), registered);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(unowned))), r -> r != null);
        // and one no customer event has told this service about
        String unknown = id();
        for (String customer : new String[] { unowned, unknown }) {
            String messageId = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                    .body("{\"customerId\":\"" + customer + "\",\"text\":\"Здравствуйте!\"}").post("/messages")
                    .then().statusCode(202).extract().path("id");
            given().auth().oauth2(manager).get("/messages?customerId={c}", customer).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(messageId));
            given().auth().oauth2(manager).get("/messages/{id}", messageId).then().statusCode(200)
                    .body("customerId", equalTo(customer));
            assertEquals(202, sendStatus(manager, customer));
        }
        // the warehouse never reads customers' messages
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/messages?customerId={c}", unowned).then()
                .statusCode(403);
    }

    /** The PersonalDataAccessed events about this customer on audit-events now. */
    static List<JsonNode> audited(String customer) {
        return TestKafka.readAll(PersonalDataAudit.TOPIC).stream().filter(r -> customer.equals(r.key()))
                .filter(r -> "ru.parus.audit.PersonalDataAccessed.v1".equals(TestKafka.header(r, "ce_type")))
                .map(r -> {
                    assertEquals(Set.of(), EventSchemas.violations("PersonalDataAccessed.v1", r.value()));
                    try {
                        return Events.JSON.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void R24_readingAMessageIsRecordedOnAuditEventsWithItsFieldsAndA403IsNot() throws Exception {
        String owner = "mgr-" + id().substring(0, 8);
        String other = "mgr-" + id().substring(0, 8);
        String customer = id();
        String to = "a" + id().substring(0, 8) + "@example.org";
        Events.sendRegistered(customer, owner);
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))),
                r -> r != null && r.consentVersion >= 0 && owner.equals(r.ownerManagerId));
        String ownerToken = TestInfra.token(owner, "MANAGER");
        String messageId = given().auth().oauth2(ownerToken).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"Ваш прайс-лист\"}").post("/messages")
                .then().statusCode(202).body("channel", equalTo("EMAIL")).extract().path("id");

        // R24: another manager's read is refused and not recorded; the owner's is, with the fields shown
        given().auth().oauth2(TestInfra.token(other, "MANAGER")).get("/messages/{id}", messageId).then().statusCode(403);
        given().auth().oauth2(ownerToken).get("/messages/{id}", messageId).then().statusCode(200)
                .body("address", equalTo(to));
        await().atMost(Duration.ofSeconds(20)).until(() -> !audited(customer).isEmpty());
        List<JsonNode> events = audited(customer);
        assertEquals(1, events.size(), events.toString());
        JsonNode read = events.get(0);
        assertEquals(customer, read.get("customerId").asText());
        assertEquals(owner, read.get("staffId").asText());
        assertEquals("notification-service", read.get("service").asText());
        assertEquals("GET /messages/{id}", read.get("endpoint").asText());
        assertEquals(List.of("MANAGER"), Events.JSON.convertValue(read.get("roles"), List.class));
        assertEquals(Set.of("email", "notes"), Set.copyOf(Events.JSON.convertValue(read.get("fields"), List.class)));
        // the list shows neither address nor text: nothing to record
        given().auth().oauth2(ownerToken).get("/messages?customerId={c}", customer).then().statusCode(200);
        given().auth().oauth2(HEAD).get("/messages/{id}", messageId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> audited(customer).size() >= 2);
        assertEquals(List.of(owner, "head-1"), audited(customer).stream().map(e -> e.get("staffId").asText()).toList());
    }

    @Test
    void R24_aMalformedAbsenceGoesToTheDeadLetterTopicAndTheChannelGoesOn() throws Exception {
        ru.parus.infra.test.TestKafka.send("callcenter-events", "m", "{\"absenceId\":\"" + id() + "\"}",
                ru.parus.infra.test.TestKafka.cloudEventHeaders(id(), "ru.parus.callcenter.ManagerAbsenceStarted.v1"));
        var dead = ru.parus.infra.test.TestKafka.awaitRecords("callcenter-events.notification-service.dlq", r -> true, 1,
                Duration.ofSeconds(20));
        org.junit.jupiter.api.Assertions.assertFalse(dead.isEmpty());
    }
}
