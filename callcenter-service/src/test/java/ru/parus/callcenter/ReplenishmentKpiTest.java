package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.parus.callcenter.Events.example;
import static ru.parus.callcenter.Events.id;
import static ru.parus.callcenter.Events.send;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;

/**
 * R23, R25: the replenishment calls in the KPI report: tasks made, customers reached, conversions within 14 days and
 * their revenue, per manager and for the department, from real events and registered calls.
 */
@QuarkusTest
class ReplenishmentKpiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final List<String> COLUMNS = List.of("replenishmentTasks", "replenishmentReached", "replenishmentConverted",
            "replenishmentRevenueKopecks");

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    String period() {
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    static JsonPath kpi(String query) {
        return given().auth().oauth2(HEAD).get("/kpi?" + query).then().statusCode(200).extract().jsonPath();
    }

    static long[] department(JsonPath report) {
        return COLUMNS.stream().mapToLong(c -> report.getLong("department." + c)).toArray();
    }

    static long[] row(JsonPath report, String manager) {
        String row = "managers.find { it.managerId == '" + manager + "' }.";
        return COLUMNS.stream().mapToLong(c -> report.getLong(row + c)).toArray();
    }

    record Task(String id, String customerId, String familyId, OffsetDateTime createdAt) {
    }

    /** A customer of {@code owner} with one replenishment call. */
    Task customerWithTask(String owner) throws Exception {
        String customer = Events.registerCustomer(id(), owner);
        Events.awaitRow(em, "customer_projection", "customer_id", customer);
        ObjectNode due = example("ReplenishmentDue");
        String order = id();
        String family = id();
        due.put("orderId", order);
        due.put("orderLineId", 8000 + (long) (Math.random() * 1_000_000));
        due.put("customerId", customer);
        due.put("familyId", family);
        due.put("contactFirst", "CALL");
        send("order-events", order, "order", "ReplenishmentDue", id(), due);
        String manager = TestInfra.token(owner, "MANAGER");
        JsonPath[] found = new JsonPath[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            found[0] = given().auth().oauth2(manager).get("/tasks?assignee=me&size=100").then().statusCode(200)
                    .extract().jsonPath();
            return found[0].getList("items.customerId").contains(customer);
        });
        String at = "items.find { it.customerId == '" + customer + "' }.";
        return new Task(found[0].getString(at + "id"), customer, family,
                OffsetDateTime.parse(found[0].getString(at + "createdAt")));
    }

    static void call(String manager, String taskId, String outcome) {
        register(manager, "\"taskId\":\"" + taskId + "\"", OffsetDateTime.now().minusMinutes(5), outcome);
    }

    /** A call with the customer registered without naming the task. */
    static void callCustomer(String manager, String customerId, OffsetDateTime start, String outcome) {
        register(manager, "\"customerId\":\"" + customerId + "\"", start, outcome);
    }

    static void register(String manager, String link, OffsetDateTime start, String outcome) {
        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).contentType(ContentType.JSON)
                .body("{\"direction\":\"OUTBOUND\",\"phone\":\"+7912" + (1000000 + (int) (Math.random() * 8999999))
                        + "\",\"startedAt\":\"" + start + "\",\"endedAt\":\"" + start.plusSeconds(90)
                        + "\",\"purpose\":\"ORDER\",\"outcome\":\"" + outcome + "\"," + link + "}")
                .post("/calls").then().statusCode(201);
    }

    /** An order of the customer with one line of the family (the example's other line has none). */
    static void order(String orderId, Task task, String familyId, long total, OffsetDateTime placedAt) throws Exception {
        ObjectNode e = example("OrderPlaced");
        e.put("orderId", orderId);
        e.put("customerId", task.customerId());
        e.put("managerId", "manager-web");
        e.put("totalKopecks", total);
        e.put("placedAt", placedAt.toString());
        ((ObjectNode) e.withArray("lines").get(0)).put("familyId", familyId);
        ((ObjectNode) e.withArray("lines").get(1)).putNull("familyId");
        send("order-events", orderId, "order", "OrderPlaced", id(), e);
    }

    @Test
    void R25_replenishmentTasksReachedConvertedWithin14DaysAndTheirRevenuePerManagerAndForTheDepartment()
            throws Exception {
        long[] before = department(kpi(period()));
        String a = "manager-" + id().substring(0, 8);
        String b = "manager-" + id().substring(0, 8);
        Task a1 = customerWithTask(a);
        Task a2 = customerWithTask(a);
        Task a3 = customerWithTask(a);
        Task b1 = customerWithTask(b);

        // reached: a1 (REACHED_AGREED on the task), a3 (a call with the customer while the task is open, without
        // naming it) and b1 (REACHED_CALL_BACK); a2's call on the task was not answered, and the call with a2's
        // customer was made before the task
        call(a, a1.id(), "REACHED_AGREED");
        call(a, a2.id(), "NO_ANSWER");
        callCustomer(a, a2.customerId(), a2.createdAt().minusHours(1), "REACHED_AGREED");
        callCustomer(a, a3.customerId(), OffsetDateTime.now(clock), "REACHED_CALL_BACK");
        call(b, b1.id(), "REACHED_CALL_BACK");

        // converted (the family again): a1 after 2 days; a2 only after 15 days (not counted); a3 twice within 14 days
        // (one conversion, both orders' revenue; the first closes its open task), after another family's order that
        // does not count; b1 on day 13, and a cancelled order of b1 that does not count
        order(id(), a1, a1.familyId(), 150_000, a1.createdAt().plusDays(2));
        order(id(), a2, a2.familyId(), 99_000, a2.createdAt().plusDays(15));
        order(id(), a3, id(), 80_000, a3.createdAt().plusHours(2));
        order(id(), a3, a3.familyId(), 70_000, a3.createdAt().plusDays(1));
        order(id(), a3, a3.familyId(), 30_000, a3.createdAt().plusDays(3));
        order(id(), b1, b1.familyId(), 200_000, b1.createdAt().plusDays(13));
        String cancelled = id();
        order(cancelled, b1, b1.familyId(), 500_000, b1.createdAt().plusHours(1));
        ObjectNode cancel = example("OrderCancelled");
        cancel.put("orderId", cancelled);
        cancel.put("customerId", b1.customerId());
        send("order-events", cancelled, "order", "OrderCancelled", id(), cancel);
        Events.awaitRow(em, "order_projection", "order_id", cancelled);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath r = kpi(period());
            assertEquals(250_000, row(r, a)[3]);
            assertEquals(200_000, row(r, b)[3]);
        });

        JsonPath report = kpi(period());
        assertEquals(List.of(3L, 2L, 2L, 250_000L), asList(row(report, a)), "A: tasks, reached, converted, revenue");
        given().auth().oauth2(HEAD).get("/tasks/{id}", a3.id()).then().statusCode(200)
                .body("closedReason", org.hamcrest.Matchers.equalTo("REORDERED"));
        assertEquals(List.of(1L, 1L, 1L, 200_000L), asList(row(report, b)), "B: tasks, reached, converted, revenue");
        long[] after = department(report);
        long[] expected = { 4, 3, 3, 450_000 };
        for (int c = 0; c < COLUMNS.size(); c++) {
            assertEquals(expected[c], after[c] - before[c], "department " + COLUMNS.get(c));
        }

        // the same figures in the CSV
        String csv = given().auth().oauth2(HEAD).accept("text/csv").get("/kpi?" + period()).then().statusCode(200)
                .extract().asString();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(true, header.containsAll(COLUMNS), "every column named plainly (not quoted): " + csv);
        List<String> csvA = lines.stream().filter(l -> l.startsWith(a + ",")).map(l -> Arrays.asList(l.split(",")))
                .findFirst().orElseThrow();
        assertEquals(List.of("3", "2", "2", "250000"), COLUMNS.stream().map(c -> csvA.get(header.indexOf(c))).toList());
        List<String> csvDepartment = Arrays.asList(lines.get(lines.size() - 1).split(","));
        assertEquals("DEPARTMENT", csvDepartment.get(0));
        assertEquals(String.valueOf(after[3]), csvDepartment.get(header.indexOf("replenishmentRevenueKopecks")));
    }

    static List<Long> asList(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
