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
