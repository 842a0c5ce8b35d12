package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.platform.testing.SettableClock;

/**
 * Issue 17, the best hour to call (R18, R21, R23): reach rates by weekday and hour from calls registered over the
 * API, the customer's time zone and quiet hours from CustomerConsentChanged on the real broker, call tasks from
 * CustomerDormant, the suggested window in the task's view, GET /tasks?sort=suggestedWindow and the KPIs. Each test
 * uses its own local hours (counted from the current hour in Yekaterinburg), so the overall rates of one do not
 * decide another's windows.
 */
@QuarkusTest
class BestHourTest {
    static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    Clock clock;

    /** The current hour's start in Yekaterinburg; the tests' slots are hours after it. */
    ZonedDateTime h0;

    @BeforeEach
    void currentHour() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(YEKATERINBURG);
        if (now.getMinute() >= 55) {
            // the windows are computed from the current hour: keep the whole test inside one
            ((SettableClock) clock).advance(Duration.ofMinutes(61 - now.getMinute()));
            now = ZonedDateTime.now(clock).withZoneSameInstant(YEKATERINBURG);
        }
        h0 = now.truncatedTo(ChronoUnit.HOURS);
    }

    /** The local hour {@code k} hours after the current one. */
    ZonedDateTime slot(int k) {
        return h0.plusHours(k);
    }

    /** A customer owned by {@code owner}, in {@code zone}, with quiet hours from slot(quietFrom) to slot(quietTo). */
    String customer(String owner, ZoneId zone, int quietFrom, int quietTo) throws Exception {
        String customer = Events.registerCustomer(Events.id(), owner);
        Events.awaitRow(EntityManagers.em(), "customer_projection", "customer_id", customer);
        preferences(customer, zone, slot(quietFrom).toLocalTime(), slot(quietTo).toLocalTime(), 1);
        return customer;
    }

    /** R21: CustomerConsentChanged with the zone and quiet hours, as customer-service sends it; waits until applied. */
    static void preferences(String customer, ZoneId zone, LocalTime quietFrom, LocalTime quietTo, long version) throws Exception {
        ObjectNode e = Events.example("CustomerConsentChanged");
        e.put("customerId", customer);
        e.put("timeZone", zone.getId());
        ObjectNode quiet = e.putObject("quietHours");
        quiet.put("from", quietFrom.toString() + ":00");
        quiet.put("to", quietTo.toString() + ":00");
        e.put("version", version);
        Events.send("customer-events", customer, "customer", "CustomerConsentChanged", Events.id(), e);
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> v = EntityManagers.em().createNativeQuery(
                    "SELECT preferences_version FROM customer_projection WHERE customer_id = ?1")
                    .setParameter(1, UUID.fromString(customer)).getResultList();
            return !v.isEmpty() && v.get(0) != null && ((Number) v.get(0)).longValue() == version;
        }));
    }

    /** R18: an outbound call to the customer registered over the API, 10 minutes into {@code at}'s hour. */
    static String call(String token, String customer, ZonedDateTime at, String outcome, String taskId) {
        OffsetDateTime start = at.toOffsetDateTime().plusMinutes(10);
        String task = taskId == null ? "" : ",\"taskId\":\"" + taskId + "\"";
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"direction\":\"OUTBOUND\",\"phone\":\"" + CallsTest.phone() + "\",\"customerId\":\"" + customer
                        + "\",\"startedAt\":\"" + start + "\",\"endedAt\":\"" + start.plusMinutes(3)
                        + "\",\"purpose\":\"REFERENCE\",\"outcome\":\"" + outcome + "\"" + task + "}")
                .post("/calls").then().statusCode(201).extract().path("id");
    }

    /** {@code reached} of {@code calls} calls a week (or more) before the local hour {@code at}. */
    static void calls(String token, String customer, ZonedDateTime at, int calls, int reached) {
        for (int i = 0; i < calls; i++) {
            call(token, customer, at.minusWeeks(i + 1), i < reached ? "REACHED_AGREED" : "NO_ANSWER", null);
        }
    }

    /** R14: CustomerDormant on the broker makes the owner's REACTIVATION task; its id. */
    static String dormantTask(String token, String customer, String owner, int episode) throws Exception {
        ObjectNode e = Events.example("CustomerDormant");
        e.put("customerId", customer);
        e.put("episode", episode);
        e.put("ownerManagerId", owner);
        Events.send("customer-events", customer, "customer", "CustomerDormant", Events.id(), e);
        String cause = "customer:" + customer + ":episode:" + episode;
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(token).get("/tasks?assignee=me&size=100").then()
                    .statusCode(200).extract().jsonPath().getList("items");
            return items.stream().filter(t -> cause.equals(t.get("cause"))).map(t -> (String) t.get("id")).findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }

    static JsonPath task(String token, String id) {
        return given().auth().oauth2(token).get("/tasks/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static void assertWindow(JsonPath task, ZonedDateTime from, String rate, String basis) {
        assertEquals(from.toInstant(), OffsetDateTime.parse(task.getString("suggestedWindow.from")).toInstant(),
                "window from " + task.getString("suggestedWindow"));
        assertEquals(from.plusHours(1).toInstant(), OffsetDateTime.parse(task.getString("suggestedWindow.to")).toInstant());
        assertEquals(0, new java.math.BigDecimal(rate).compareTo(new java.math.BigDecimal(task.getString("suggestedWindow.reachRate"))),
                task.getString("suggestedWindow.reachRate"));
        assertEquals(basis, task.getString("suggestedWindow.basis"));
    }

    static Map<String, Object> rate(JsonPath rates, String list, ZonedDateTime at) {
        return rates.getList(list, Map.class).stream()
                .filter(r -> ((Number) r.get("weekday")).intValue() == at.getDayOfWeek().getValue()
                        && ((Number) r.get("hour")).intValue() == at.getHour())
                .map(r -> (Map<String, Object>) r).findFirst().orElse(null);
    }

    @Test
    void bestHour_R21_theWindowKeepsToTheCustomersQuietHoursAndCallsInThemDoNotCount() throws Exception {
        String manager = People.manager(null);
        String token = TestInfra.token(manager, "MANAGER");
        // quiet from slot 3 to slot 1: the customer may be called in the hours of slots 1 and 2 only
        String customer = customer(manager, YEKATERINBURG, 3, 1);
        calls(token, customer, slot(5), 3, 3); // in the quiet hours: not counted
        calls(token, customer, slot(1), 3, 1);
        calls(token, customer, slot(2), 3, 3);

        JsonPath rates = given().auth().oauth2(token).get("/reach-rates?customerId={id}", customer).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Asia/Yekaterinburg", rates.getString("timeZone"));
        assertTrue(rates.getBoolean("ownTimeZone"));
        assertTrue(rates.getBoolean("ownQuietHours"));
        assertEquals(3, rates.getInt("minCalls"));
        assertEquals(2, rates.getList("customer").size(), rates.prettify());
        assertEquals(Map.of("weekday", slot(1).getDayOfWeek().getValue(), "hour", slot(1).getHour(), "calls", 3,
                "reached", 1, "reachRate", 0.3333f), rate(rates, "customer", slot(1)));
        assertEquals(3, rate(rates, "customer", slot(2)).get("reached"));
        assertNull(rate(rates, "customer", slot(5)), "a call in the quiet hours counts nowhere");

        String taskId = dormantTask(token, customer, manager, 1);
        assertWindow(task(token, taskId), slot(2), "1.0000", "CUSTOMER");

        // the customer widens their quiet hours to slot 2: only slot 1 is left, with its lower rate
        preferences(customer, YEKATERINBURG, slot(2).toLocalTime(), slot(1).toLocalTime(), 2);
        assertWindow(task(token, taskId), slot(1), "0.3333", "CUSTOMER");
        // quiet hours that begin within an hour rule that hour out: nothing left to suggest
        preferences(customer, YEKATERINBURG, slot(1).toLocalTime().plusMinutes(30), slot(1).toLocalTime(), 3);
        assertNull(task(token, taskId).get("suggestedWindow"));
    }

    @Test
    void bestHour_R18_theCustomersOwnRateWhereItHasEnoughCallsElseEveryones() throws Exception {
        String manager = People.manager(null);
        String token = TestInfra.token(manager, "MANAGER");
        // all three may be called in slots 8..11 only
        String own = customer(manager, YEKATERINBURG, 12, 8);
        String poor = customer(manager, YEKATERINBURG, 12, 8);
        String fresh = customer(manager, YEKATERINBURG, 12, 8);
        calls(token, own, slot(10), 3, 3);
        calls(token, poor, slot(10), 3, 0);
        calls(token, poor, slot(11), 3, 1);
        calls(token, fresh, slot(9), 2, 2); // fewer than min-calls: neither the customer's nor everyone's rate yet
        // a customer whose zone and quiet hours customer-service never sent: read in the department's
        String unknown = Events.registerCustomer(Events.id(), manager);
        Events.awaitRow(EntityManagers.em(), "customer_projection", "customer_id", unknown);
        JsonPath defaults = given().auth().oauth2(token).get("/reach-rates?customerId={id}", unknown).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Europe/Moscow", defaults.getString("timeZone"));
        assertEquals(false, defaults.getBoolean("ownTimeZone"));
        assertTrue(defaults.getString("quietFrom").startsWith("21:00"), defaults.prettify());
        assertTrue(defaults.getString("quietTo").startsWith("09:00"));
        given().auth().oauth2(token).get("/reach-rates?customerId=nope").then().statusCode(400)
                .contentType("application/problem+json");

        JsonPath rates = given().auth().oauth2(token).get("/reach-rates").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), rates.getList("customer"));
        assertEquals(6, rate(rates, "overall", slot(10)).get("calls"));
        assertEquals(3, rate(rates, "overall", slot(10)).get("reached"));

        // own: 3 of 3 in slot 10, its own rate beats everyone's 0.5 there
        assertWindow(task(token, dormantTask(token, own, manager, 1)), slot(10), "1.0000", "CUSTOMER");
        // poor: never reached in slot 10 (everyone's 0.5 there does not count for them), 1 of 3 in slot 11
        assertWindow(task(token, dormantTask(token, poor, manager, 1)), slot(11), "0.3333", "CUSTOMER");
        // fresh: only 2 calls of their own; everyone's rates: slot 10 0.5, slot 11 0.3333
        assertWindow(task(token, dormantTask(token, fresh, manager, 1)), slot(10), "0.5000", "OVERALL");
    }

    @Test
    void bestHour_R18_myTasksOrderedBySuggestedWindowSoonestFirst() throws Exception {
        String manager = People.manager(null);
        String token = TestInfra.token(manager, "MANAGER");
        String later = customer(manager, YEKATERINBURG, 20, 13);
        String sooner = customer(manager, YEKATERINBURG, 20, 13);
        String none = customer(manager, YEKATERINBURG, 21, 21);
        // quiet from half past slot 21 to slot 21: no whole hour left to call in
        preferences(none, YEKATERINBURG, slot(21).toLocalTime().plusMinutes(30), slot(21).toLocalTime(), 2);
        calls(token, later, slot(16), 3, 3);
        calls(token, sooner, slot(14), 3, 3);
        String laterTask = dormantTask(token, later, manager, 1);
        String noneTask = dormantTask(token, none, manager, 1);
        String soonerTask = dormantTask(token, sooner, manager, 1);

        // later: its own 1.0 in slot 16 against everyone's 1.0 (sooner's calls) in slot 14: its own wins the tie
        assertWindow(task(token, laterTask), slot(16), "1.0000", "CUSTOMER");
        JsonPath page = given().auth().oauth2(token).get("/tasks?assignee=me&sort=suggestedWindow").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(soonerTask, laterTask, noneTask), page.getList("items.id"));
        assertEquals(3, page.getInt("total"));
        assertNull(page.get("items[2].suggestedWindow"));
        assertEquals(slot(14).toInstant(), OffsetDateTime.parse(page.getString("items[0].suggestedWindow.from")).toInstant());
        JsonPath second = given().auth().oauth2(token).get("/tasks?assignee=me&sort=suggestedWindow&size=2&page=1")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(noneTask), second.getList("items.id"));
        assertEquals(3, second.getInt("total"));
        // the default order is unchanged: priority, then due time; the windows are shown there too
        JsonPath byPriority = given().auth().oauth2(token).get("/tasks?assignee=me&sort=priority").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, byPriority.getList("items").size());
        assertEquals("CUSTOMER", byPriority.getString("items.find { it.id == '" + soonerTask + "' }.suggestedWindow.basis"));

        given().auth().oauth2(token).get("/tasks?assignee=me&sort=dueAt").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:validation"))
                .body("allowedSorts", hasItems("priority", "suggestedWindow"));
        // the OpenAPI document offers the order to generated clients
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertTrue(openapi.getList("paths.'/tasks'.get.parameters.find { it.name == 'sort' }.schema.enum")
                .contains("suggestedWindow"));
        assertNotNull(openapi.get("components.schemas.SuggestedWindow.properties.basis"));
    }

    @Test
    void bestHour_R18_aMergedCustomersCallsCountForTheSurvivor() throws Exception {
        String manager = People.manager(null);
        String token = TestInfra.token(manager, "MANAGER");
        // callable in slot 6 only (an hour of the day no other test calls in)
        String survivor = customer(manager, YEKATERINBURG, 7, 6);
        String merged = customer(manager, YEKATERINBURG, 7, 6);
        calls(token, survivor, slot(6), 1, 1);
        calls(token, merged, slot(6), 2, 1);
        ObjectNode e = Events.example("CustomersMerged");
        e.put("survivingCustomerId", survivor);
        e.put("mergedCustomerId", merged);
        String eventId = Events.id();
        Events.send("customer-events", survivor, "customer", "CustomersMerged", eventId, e);
        Events.send("customer-events", survivor, "customer", "CustomersMerged", Events.id(), e); // the same fact again
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath rates = given().auth().oauth2(token).get("/reach-rates?customerId={id}", survivor).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(3, rate(rates, "customer", slot(6)).get("calls"), rates.prettify());
            assertEquals(2, rate(rates, "customer", slot(6)).get("reached"));
        });
        assertEquals(List.of(), given().auth().oauth2(token).get("/reach-rates?customerId={id}", merged).then()
                .statusCode(200).extract().jsonPath().getList("customer"));
        // with three calls the survivor's own rate is the window of their task
        assertWindow(task(token, dormantTask(token, survivor, manager, 1)), slot(6), "0.6667", "CUSTOMER");
    }

    @Test
    void bestHour_R23_reachRateOfCallsInsideTheSuggestedWindowAgainstOutsideIt() throws Exception {
        String manager = People.manager(null);
        String token = TestInfra.token(manager, "MANAGER");
        // callable in slots 22 and 23 only (hours of the day no other test calls in)
        String customer = customer(manager, YEKATERINBURG, 24, 22);
        // slot 22's weekday and hour on a day of 2032, a month only this test calls in
        ZonedDateTime best = slot(22);
        LocalDate day = LocalDate.of(2032, 6, 14).with(TemporalAdjusters.nextOrSame(best.getDayOfWeek()));
        ZonedDateTime inHour = day.atTime(best.toLocalTime()).atZone(YEKATERINBURG);
        calls(token, customer, inHour, 3, 3); // 3 of 3 in that weekday-hour, in the 3 weeks before

        String inside = dormantTask(token, customer, manager, 1);
        String insideMissed = dormantTask(token, customer, manager, 2);
        String outside = dormantTask(token, customer, manager, 3);
        String reachedInside = call(token, customer, inHour, "REACHED_AGREED", inside);
        call(token, customer, inHour.plusWeeks(1).plusMinutes(20), "NO_ANSWER", insideMissed);
        String reachedOutside = call(token, customer, inHour.plusWeeks(1).plusHours(1), "REACHED_DECLINED", outside);
        call(token, customer, inHour.plusWeeks(1), "REACHED_AGREED", null); // not for a task: neither inside nor outside

        assertEquals(true, given().auth().oauth2(token).get("/calls/{id}", reachedInside).then().statusCode(200)
                .extract().path("inSuggestedWindow"));
        assertEquals(false, given().auth().oauth2(token).get("/calls/{id}", reachedOutside).then().statusCode(200)
                .extract().path("inSuggestedWindow"));

        String period = "from=" + day.minusWeeks(3) + "&to=" + day.plusWeeks(1);
        JsonPath kpi = given().auth().oauth2(HEAD).get("/kpi?" + period).then().statusCode(200).extract().jsonPath();
        for (String row : List.of("managers.find { it.managerId == '" + manager + "' }.", "department.")) {
            assertEquals(2, kpi.getInt(row + "windowCalls"), row);
            assertEquals(1, kpi.getInt(row + "windowReached"));
            assertEquals(0.5f, kpi.getFloat(row + "windowReachRate"));
            assertEquals(1, kpi.getInt(row + "outsideWindowCalls"));
            assertEquals(1, kpi.getInt(row + "outsideWindowReached"));
            assertEquals(1.0f, kpi.getFloat(row + "outsideWindowReachRate"));
        }
        String csv = given().auth().oauth2(HEAD).accept("text/csv").get("/kpi?" + period).then().statusCode(200)
                .extract().asString();
        List<String> header = Arrays.asList(csv.lines().findFirst().orElseThrow().split(","));
        List<String> mine = Arrays.asList(csv.lines().filter(l -> l.startsWith(manager + ",")).findFirst().orElseThrow().split(","));
        assertEquals("0.5000", mine.get(header.indexOf("windowReachRate")));
        assertEquals("1.0000", mine.get(header.indexOf("outsideWindowReachRate")));
        assertEquals("2", mine.get(header.indexOf("windowCalls")));
    }
}
