package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.SERVICES;
import static ru.parus.systemtests.RunningStack.url;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.parus.infra.test.TestKafka;

/**
 * Ops' alert rules and dashboard (ops/) must name metrics the services really export: a renamed
 * metric would otherwise silence an alert without anyone noticing.
 */
@ExtendWith(RunningStack.class)
class MetricsContractTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:parus|kafka|http|jvm)_[a-z0-9_]+)\\b");
    /** Metrics of the platform that every service exports. */
    private static final List<String> EVERY_SERVICE = List.of("parus_outbox_unsent_rows",
            "parus_outbox_oldest_unsent_age_seconds", "parus_outbox_published_total");
    /**
     * Named by a rule before a service exports it; allowed to be missing only while no service exports it.
     * Empty: callcenter-service now exports parus_callcenter_tasks_overdue.
     */
    private static final Set<String> PENDING = Set.of();
    /** Not from the services: Prometheus' own scrape status and the blackbox exporter's readiness probe. */
    private static final Set<String> EXTERNAL = Set.of("up", "probe_success");

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsExported() throws Exception {
        // make the metrics that appear on first use appear: an HTTP request and a duplicate delivery
        given().baseUri(url(CUSTOMER)).get("/customers/{id}", UUID.randomUUID()).then().statusCode(401);
        String eventId = UUID.randomUUID().toString();
        String payload = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"placedAt\":\"2026-11-27T09:30:00Z\"}";
        for (int i = 0; i < 2; i++) {
            TestKafka.send("order-events", "metrics-probe", payload,
                    TestKafka.cloudEventHeaders(eventId, "ru.parus.order.OrderPlaced.v1"));
        }

        Path ops = RunningStack.projectRoot().resolve("ops");
        Set<String> named = new TreeSet<>();
        named.addAll(names(Files.readString(ops.resolve("prometheus/parus-alerts.yml"))));
        named.addAll(names(Files.readString(ops.resolve("grafana/parus-dashboard.json"))));
        assertTrue(named.containsAll(EVERY_SERVICE), "the rules watch the outbox: " + named);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Map<String, Set<String>> exported;
        Set<String> missing;
        do {
            exported = new HashMap<>();
            for (String service : SERVICES) {
                exported.put(service, exportedNames(given().baseUri(url(service)).get("/q/metrics").then()
                        .statusCode(200).extract().asString()));
            }
            Set<String> anywhere = exported.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            missing = named.stream().filter(n -> !anywhere.contains(n)).collect(Collectors.toCollection(TreeSet::new));
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(500); // the duplicate may still be on its way
        } while (Instant.now().isBefore(deadline));
        missing.removeAll(PENDING);
        assertEquals(Set.of(), missing, "named in ops/ but exported by no service");
        for (String service : SERVICES) {
            for (String metric : EVERY_SERVICE) {
                assertTrue(exported.get(service).contains(metric), service + " exports " + metric);
            }
        }
        String customerMetrics = given().baseUri(url(CUSTOMER)).get("/q/metrics").asString();
        assertTrue(customerMetrics.contains("kafka_producer_record_send_total{client_id=\"kafka-dead-letter-topic-producer"),
                "the dead-letter alert's client_id pattern matches customer-service's dead-letter producer");
    }

    @Test
    void everyAlertRuleIsWellFormedAndExplainedInTheOperationsGuide() throws Exception {
        Path root = RunningStack.projectRoot();
        Map<String, Object> rules = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(root.resolve("ops/prometheus/parus-alerts.yml")));
        String guide = Files.readString(root.resolve("docs/operations.md"));
        Set<String> alerts = new TreeSet<>();
        Set<String> externalUsed = new TreeSet<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object r : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> rule = (Map<?, ?>) r;
                String alert = (String) rule.get("alert");
                assertTrue(alert != null && alerts.add(alert), "a unique alert name: " + rule);
                String expr = (String) rule.get("expr");
                assertTrue(expr != null && !expr.isBlank(), alert + ": expr");
                assertEquals(count(expr, '('), count(expr, ')'), alert + ": balanced parentheses in " + expr);
                Object severity = ((Map<?, ?>) rule.get("labels")).get("severity");
                assertTrue(Set.of("critical", "warning").contains(severity), alert + ": severity " + severity);
                assertTrue(((Map<?, ?>) rule.get("annotations")).get("summary") != null, alert + ": summary");
                Object forDuration = rule.get("for");
                assertTrue(forDuration == null || String.valueOf(forDuration).matches("\\d+[smh]"), alert + ": for");
                assertTrue(guide.contains("### " + alert), "docs/operations.md explains " + alert);
                EXTERNAL.stream().filter(e -> Pattern.compile("\\b" + e + "\\{").matcher(expr).find())
                        .forEach(externalUsed::add);
            }
        }
        assertTrue(alerts.containsAll(List.of("ParusOutboxStuck", "ParusOutboxBacklog", "ParusDeadLetters",
                "ParusConsumerLagGrowing", "ParusServiceDown", "ParusServiceNotReady", "ParusCallTasksOverdue")),
                "issue 9's alerts: " + alerts);
        assertEquals(EXTERNAL, externalUsed, "readiness is watched from outside the process");
        // the dashboard is JSON, which SnakeYAML reads too: every panel queries something
        Map<String, Object> dashboard = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(root.resolve("ops/grafana/parus-dashboard.json")));
        for (Object p : (List<?>) dashboard.get("panels")) {
            Map<?, ?> panel = (Map<?, ?>) p;
            if (!"row".equals(panel.get("type"))) {
                List<?> targets = (List<?>) panel.get("targets");
                assertTrue(targets != null && !targets.isEmpty(), "panel " + panel.get("title") + " has a query");
            }
        }
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> exportedNames(String exposition) {
        return exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
