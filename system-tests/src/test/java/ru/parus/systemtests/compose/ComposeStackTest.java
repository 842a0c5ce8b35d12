package ru.parus.systemtests.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.systemtests.RunningStack;

/**
 * docker-compose.yml for real (issue 13): the images {@code ./parus images} builds, the whole stack started by
 * Compose and healthy, the README's phone-order walkthrough run as written (curl and jq against the published
 * ports), the data still there after {@code compose restart}, and a second replica of callcenter-service (the
 * {@code replica} profile) sharing the partitions of its consumer group with no task made twice, while a
 * rebalance happens under load.
 *
 * <p>It needs a container engine. Without one it is skipped and says so; {@code .ci/run} starts one, so CI runs
 * it. The stack takes the ports of docker-compose.yml (8081-8086, 9092, 15432, 3025, 8025): where something else
 * holds them it is skipped on a developer's machine and fails in CI ({@code CI} set).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackTest {
    static final Path ROOT = RunningStack.projectRoot();
    static final int[] SERVICE_PORTS = { 8081, 8082, 8083, 8084, 8085 };
    static final int REPLICA_PORT = 8086;
    static final int[] INFRA_PORTS = { 9092, 15432, 3025, 8025 };
    static final Duration START = Duration.ofMinutes(4);
    static final ObjectMapper JSON = new ObjectMapper();

    static Compose compose;
    static final Map<String, String> walkthrough = new HashMap<>();

    @BeforeAll
    static void up() {
        compose = Compose.find(ROOT);
        Assumptions.assumeTrue(compose != null, () -> "ComposeStackTest skipped: " + Compose.unavailable(ROOT));
        List<Integer> taken = new ArrayList<>();
        IntStream.concat(IntStream.of(SERVICE_PORTS), IntStream.concat(IntStream.of(REPLICA_PORT), IntStream.of(INFRA_PORTS)))
                .filter(p -> !Compose.portFree(p)).forEach(taken::add);
        if (!taken.isEmpty()) {
            String why = "ports " + taken + " are taken (./parus up or another compose stack?): docker-compose.yml needs them";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort("ComposeStackTest skipped: " + why);
        }
        // the images (cached layers make this seconds when nothing changed) and the keys the services verify with
        Compose.Result images = Compose.run(ROOT, Duration.ofMinutes(15), "scripts/images.sh");
        assertEquals(0, images.exitCode(), "scripts/images.sh:\n" + images.output());
        System.out.println(images.output().strip());
        Compose.Result keys = Compose.run(ROOT, Duration.ofMinutes(1), "./parus", "keys");
        assertEquals(0, keys.exitCode(), "./parus keys: " + keys.output());

        compose.down();
        long started = System.nanoTime();
        Compose.Result up = compose.up();
        assertEquals(0, up.exitCode(), "compose up:\n" + up.output());
        awaitReady(SERVICE_PORTS);
        System.out.printf("ComposeStackTest: the stack was healthy %.1f s after `compose up -d`%n",
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void down() {
        if (compose != null && !Boolean.getBoolean("parus.compose.keep")) {
            compose.down();
        }
    }

    @Test
    @Order(1)
    void theReadmePhoneOrderWalkthroughPassesAsWritten() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String tryIt = bashBlockAfter(readme, "## Try it").replaceAll("(?m)^\\./parus up\\s*$", "");
        String script = "set -e\n" + tryIt
                + bashBlockAfter(readme, "### A phone order end to end")
                + bashBlockAfter(readme, "### Replenishment: a call before")
                + "\necho \"WALKTHROUGH CUSTOMER=$CUSTOMER ORDER=$ID\"\n";
        Compose.Result run = Compose.run(ROOT, Duration.ofMinutes(3), "bash", "-c", script);
        String out = run.output();
        assertEquals(0, run.exitCode(), "the walkthrough's bash:\n" + out);
        assertTrue(out.contains("{\"status\":403,\"type\":\"urn:parus:problem:forbidden\"}"), "R10: the manager cannot approve:\n" + out);
        assertTrue(out.contains("{\"percent\":7,\"requestedKopecks\":41160}"), "R10: the head approves 7 %:\n" + out);
        assertTrue(out.contains("{\"status\":\"CONFIRMED\",\"totalKopecks\":588000,\"discountKopecks\":41160,\"payableKopecks\":546840}"),
                "the confirmation the README shows:\n" + out);
        assertTrue(out.contains("{\"status\":\"CREATED\""), "R12: the shipment from OrderConfirmed:\n" + out);
        assertTrue(out.contains("{\"kind\":\"DELIVERED\",\"outcome\":\"APPLIED\"}"), "R13: the sample pack delivered:\n" + out);
        assertTrue(out.contains("{\"kind\":\"REPLENISHMENT\",\"sku\":\"WHEY-CHOC-SAMPLE-5\",\"script\":\"replenishment\""),
                "R25: the replenishment call task made from the delivered order:\n" + out);
        assertTrue(out.contains("{\"survivor\":true,\"merged\":true}"), "R24: the head merged the duplicate:\n" + out);
        assertEquals(2, Pattern.compile("\"kind\":\"REPLENISHMENT\",\"sku\":\"WHEY-CHOC-SAMPLE-5\",\"script\":\"replenishment\","
                + "\"forCustomer\":true").matcher(out).results().count(),
                "R25, R24: both calls are the customer's, the merged duplicate's order's too:\n" + out);
        Matcher ids = Pattern.compile("WALKTHROUGH CUSTOMER=(\\S+) ORDER=(\\S+)").matcher(out);
        assertTrue(ids.find(), out);
        walkthrough.put("customer", ids.group(1));
        walkthrough.put("order", ids.group(2));

        // the first steps again, as a reader trying things twice would: the phone is a 409 naming the customer,
        // and the walkthrough goes on with that customer instead of the problem's text
        Compose.Result again = Compose.run(ROOT, Duration.ofMinutes(1), "bash", "-c",
                "set -e\n" + tryIt + "\necho \"AGAIN CUSTOMER=$CUSTOMER\"\n");
        assertEquals(0, again.exitCode(), "the first steps run again:\n" + again.output());
        assertTrue(again.output().contains("AGAIN CUSTOMER=" + ids.group(1) + "\n"),
                "run again, the walkthrough takes the customer it registered the first time:\n" + again.output());
    }

    @Test
    @Order(2)
    void theDataSurvivesARestart() throws Exception {
        Assumptions.assumeTrue(walkthrough.containsKey("order"), "needs the walkthrough's order");
        Compose.Result restart = compose.restart();
        assertEquals(0, restart.exitCode(), "compose restart:\n" + restart.output());
        awaitReady(SERVICE_PORTS);
        String head = token("HEAD", "head-1");
        JsonNode customer = get(8081, "/customers/" + walkthrough.get("customer"), head);
        assertEquals("+79215551234", customer.path("phone").asText(), customer.toString());
        assertTrue(customer.path("orderCount").asInt() >= 2, "both walkthrough orders applied: " + customer);
        JsonNode order = get(8082, "/orders/" + walkthrough.get("order"), head);
        assertEquals("CONFIRMED", order.path("status").asText(), order.toString());
        assertEquals(546840, order.path("payableKopecks").asLong(), order.toString());
        JsonNode shipments = get(8084, "/shipments?orderId=" + walkthrough.get("order"), token("WAREHOUSE", "wh-1"));
        JsonNode items = shipments.isArray() ? shipments : shipments.path("items");
        assertEquals(1, items.size(), "one shipment for the order: " + shipments);
    }

    /**
     * Orders with a discount above the manager's limit go in while the second replica joins (a rebalance under
     * load); each makes exactly one DISCOUNT_APPROVAL task (R10), and the group's partitions are split between
     * two members on two containers.
     */
    @Test
    @Order(3)
    void aSecondCallcenterReplicaSharesThePartitionsAndNothingHappensTwice() throws Exception {
        String head = token("HEAD", "head-1");
        String manager = token("MANAGER", "manager-1");
        String phone = "+79" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
        String customer = text(post(8081, "/customers", head, Map.of(), """
                {"name":"Реплика Тест","phone":"%s","type":"ATHLETE"}""".formatted(phone)), "id");
        int orders = 40;
        Set<String> orderIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> placing = load.submit(() -> {
            for (int i = 0; i < orders; i++) {
                String id = text(post(8082, "/orders", manager, Map.of("Idempotency-Key", UUID.randomUUID().toString()), """
                        {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":1}]}""".formatted(customer)), "id");
                post(8082, "/orders/" + id + "/discount", manager, Map.of(), "{\"percent\":7,\"reason\":\"реплика\"}");
                orderIds.add(id);
            }
            return null;
        });
        Thread.sleep(2_000);
        Compose.Result replica = compose.upWithProfile("replica", "callcenter-service-2");
        assertEquals(0, replica.exitCode(), "compose --profile replica up:\n" + replica.output());
        awaitReady(REPLICA_PORT);
        placing.get();
        load.shutdown();

        Set<String> hosts = awaitGroupSplit("callcenter-service", "order-events");
        assertEquals(2, hosts.size(), "order-events partitions split between two containers: " + hosts);

        Map<String, Integer> tasksPerOrder = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            tasksPerOrder = approvalTasks(head, orderIds);
            if (tasksPerOrder.size() == orders) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        assertEquals(orders, tasksPerOrder.size(), "a DISCOUNT_APPROVAL task for every order");
        tasksPerOrder.forEach((order, n) -> assertEquals(1, n, "tasks for order " + order));
        // both replicas answer reads of the one queue
        assertEquals(get(8083, "/tasks?size=1", head).path("total"), get(REPLICA_PORT, "/tasks?size=1", head).path("total"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String bashBlockAfter(String markdown, String heading) {
        int at = markdown.indexOf(heading);
        assertTrue(at >= 0, "README has " + heading);
        int start = markdown.indexOf("```bash\n", at) + "```bash\n".length();
        return markdown.substring(start, markdown.indexOf("```", start));
    }

    static void awaitReady(int... ports) {
        long deadline = System.nanoTime() + START.toNanos();
        for (int port : ports) {
            while (!Compose.ready(port)) {
                if (System.nanoTime() > deadline) {
                    fail("port " + port + " not ready within " + START + "\n" + compose.logs(service(port)).output());
                }
                sleep(1_000);
            }
        }
    }

    static String service(int port) {
        return port == REPLICA_PORT ? "callcenter-service-2"
                : RunningStack.SERVICES.get(IntStream.range(0, SERVICE_PORTS.length).filter(i -> SERVICE_PORTS[i] == port)
                        .findFirst().orElse(0));
    }

    /** The hosts whose members hold the topic's partitions, once two hold some (a rebalance takes seconds). */
    static Set<String> awaitGroupSplit(String group, String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        try (Admin admin = Admin.create(config)) {
            Set<String> hosts = Set.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
                Set<String> holding = new HashSet<>();
                for (MemberDescription m : d.members()) {
                    if (m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                        holding.add(m.host());
                    }
                }
                hosts = holding;
                if (hosts.size() >= 2) {
                    return hosts;
                }
                Thread.sleep(1_000);
            }
            return hosts;
        }
    }

    static Map<String, Integer> approvalTasks(String head, Set<String> orderIds) throws Exception {
        Map<String, Integer> perOrder = new HashMap<>();
        for (int page = 0;; page++) {
            JsonNode p = get(8083, "/tasks?size=100&page=" + page, head);
            for (JsonNode t : p.path("items")) {
                String order = t.path("orderId").asText();
                if ("DISCOUNT_APPROVAL".equals(t.path("kind").asText()) && orderIds.contains(order)) {
                    perOrder.merge(order, 1, Integer::sum);
                }
            }
            if ((page + 1) * 100L >= p.path("total").asLong()) {
                return perOrder;
            }
        }
    }

    static String token(String role, String subject) {
        Compose.Result t = Compose.run(ROOT, Duration.ofMinutes(1), "./parus", "token", "--role", role, "--sub", subject);
        assertEquals(0, t.exitCode(), t.output());
        return t.lastLine().strip();
    }

    static JsonNode get(int port, String path, String token) throws Exception {
        HttpResponse<String> r = Compose.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode post(int port, String path, String token, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = Compose.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, "POST " + path + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
