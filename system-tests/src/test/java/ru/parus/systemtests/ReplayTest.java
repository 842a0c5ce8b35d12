package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;

/**
 * Projection replay (issue 9, docs/operations.md): customer-service's activity counters (R14) are rebuilt from
 * order-events by the same tool {@code ./parus replay customer-service} runs
 * ({@code ru.parus.platform.replay.ProjectionReplay} on the service's classpath), and end equal to before.
 */
@ExtendWith(RunningStack.class)
class ReplayTest {

    @Test
    void R14_replayRebuildsTheActivityCountersFromOrderEventsToTheSameValues() throws Exception {
        String head = TestInfra.token("head-1", "HEAD");
        String manager = TestInfra.token("manager-1", "MANAGER");
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String twice = registerCustomer(head, "+7 913 1" + pad(suffix));
        String once = registerCustomer(head, "+7 913 2" + pad(suffix));
        placeOrder(manager, twice, 2);
        placeOrder(manager, twice, 1);
        placeOrder(manager, once, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> card(head, twice).getInt("orderCount") == 2
                && card(head, once).getInt("orderCount") == 1);
        Map<String, Object> before = activity(head, twice, once);
        assertNotEquals(0L, ((Number) before.get(twice + ".lifetimeValueKopecks")).longValue());

        // while the service consumes, the tool refuses and changes nothing
        Result refused = replay();
        assertNotEquals(0, refused.exitCode(), "replay with customer-service running must refuse:\n" + refused.output());
        assertTrue(refused.output().contains("active members"), refused.output());
        assertEquals(2, orderCountInDatabase(twice), "a refused replay clears nothing");

        RunningStack.stop(CUSTOMER, true);
        Result done = replay();
        assertEquals(0, done.exitCode(), "replay failed:\n" + done.output());
        assertEquals(0, orderCountInDatabase(twice), "the projection is cleared while the service is stopped");
        assertEquals(0, inboxRows(), "the consumer's inbox rows go with the projection");

        RunningStack.restart(CUSTOMER);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertEquals(before, activity(head, twice, once)));
        assertTrue(inboxRows() >= 3, "the re-read events are in the inbox again");
    }

    record Result(int exitCode, String output) {
    }

    /** What {@code ./parus replay} runs between stopping and starting the service. */
    private static Result replay() throws Exception {
        Path app = RunningStack.projectRoot().resolve(CUSTOMER).resolve("target/quarkus-app");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", app.resolve("lib/main") + File.separator + "*" + File.pathSeparator + app.resolve("app")
                        + File.separator + "*"));
        Map<String, String> config = TestInfra.serviceConfig(RunningStack.DATABASES.get(CUSTOMER));
        for (String key : List.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password")) {
            command.add("-D" + key + "=" + config.get(key));
        }
        command.add("ru.parus.platform.replay.ProjectionReplay");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println(output.lines().filter(l -> l.startsWith("replay:")).findFirst().orElse(""));
        return new Result(process.exitValue(), output);
    }

    private static Map<String, Object> activity(String token, String... customers) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String id : customers) {
            JsonPath card = card(token, id);
            values.put(id + ".orderCount", card.getInt("orderCount"));
            values.put(id + ".lastOrderAt", card.getString("lastOrderAt"));
            values.put(id + ".lifetimeValueKopecks", card.getLong("lifetimeValueKopecks"));
            values.put(id + ".dormantSince", card.getString("dormantSince"));
            values.put(id + ".timelineOrders", given().baseUri(url(CUSTOMER)).auth().oauth2(token)
                    .get("/customers/{id}/timeline", id).then().extract().asString().split("\"OrderPlaced\"", -1).length - 1);
        }
        return values;
    }

    private static JsonPath card(String token, String id) {
        return given().baseUri(url(CUSTOMER)).auth().oauth2(token).get("/customers/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int orderCountInDatabase(String customerId) throws Exception {
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement("SELECT order_count FROM customer WHERE id = ?")) {
            q.setObject(1, UUID.fromString(customerId));
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "customer " + customerId + " in the database");
                return rs.getInt(1);
            }
        }
    }

    private static int inboxRows() throws Exception {
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM inbox WHERE consumer = ?")) {
            q.setString(1, "customer-service.order-events");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection connection() throws Exception {
        Map<String, String> config = TestInfra.serviceConfig(RunningStack.DATABASES.get(CUSTOMER));
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    private static String pad(String digits) {
        return "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }

    private static String registerCustomer(String token, String phone) {
        return given().baseUri(url(CUSTOMER)).auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"name":"Пётр Повторов","phone":"%s","type":"FITNESS"}""".formatted(phone))
                .when().post("/customers").then().statusCode(201).body("id", notNullValue()).extract().path("id");
    }

    private static void placeOrder(String token, String customerId, int quantity) {
        given().baseUri(url(ORDER)).auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":%d}]}""".formatted(customerId, quantity))
                .when().post("/orders").then().statusCode(201);
    }
}
