package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import ru.parus.infra.test.TestKafka;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import ru.parus.infra.Ports;
import ru.parus.infra.test.TestInfra;

/**
 * Tracing (issue 9): one trace follows an order from {@code POST /orders} through order-service's outbox and the
 * broker to customer-service's consumer. The stack's services run with tracing off (the platform default);
 * this test starts a second order-service and customer-service with OpenTelemetry on, exporting OTLP/HTTP to a
 * receiver of its own, as a deployment would with {@code QUARKUS_OTEL_SDK_DISABLED=false} and an endpoint.
 */
@ExtendWith(RunningStack.class)
class TracingTest {
    static final String ORDER_PLACED = "ru.parus.order.OrderPlaced.v1";

    @Test
    void oneTraceFollowsAnOrderFromPostOrdersThroughTheOutboxToCustomerServicesConsumer() throws Exception {
        List<byte[]> exports = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> tracing = Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + receiver.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms");
        Map<String, String> ownGroup = new TreeMap<>(tracing);
        // a group of its own: this instance sees every OrderPlaced, whatever the stack's customer-service takes
        ownGroup.put("mp.messaging.incoming.events.group.id", "customer-service-tracing-test");
        try (Running orders = start(ORDER, "traced", tracing);
                Running customers = start(CUSTOMER, "traced", ownGroup)) {
            String head = TestInfra.token("head-1", "HEAD");
            String manager = TestInfra.token("manager-1", "MANAGER");
            String customerId = given().baseUri(url(CUSTOMER)).auth().oauth2(head).contentType(ContentType.JSON)
                    .body("""
                            {"name":"Трасса Тестова","phone":"+7 912 555-01-02","email":"trace@example.org","type":"ATHLETE"}""")
                    .when().post("/customers").then().statusCode(201).extract().path("id");

            String traceId = HexFormat.of().formatHex(randomBytes(16));
            String caller = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
            String orderId = given().baseUri(orders.url()).auth().oauth2(manager).header("traceparent", caller)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":1}]}""".formatted(customerId))
                    .when().post("/orders").then().statusCode(201).body("id", notNullValue()).extract().path("id");

            // through the outbox: the relay sends on its own thread, the record still carries the request's trace
            List<ConsumerRecord<String, String>> placed = TestKafka.awaitRecords("order-events",
                    r -> ORDER_PLACED.equals(TestKafka.header(r, "ce_type")) && r.value() != null
                            && r.value().contains(orderId), 1, Duration.ofSeconds(20));
            assertEquals(1, placed.size(), "OrderPlaced of " + orderId + " on order-events");
            String traceparent = TestKafka.header(placed.get(0), "traceparent");
            assertNotNull(traceparent, "the OrderPlaced record has a traceparent header");
            assertEquals(traceId, traceparent.split("-")[1], "the record's trace is the POST /orders trace");

            // the consumer's span in customer-service, exported with that trace id
            byte[] id = HexFormat.of().parseHex(traceId);
            byte[] consumer = "customer-service".getBytes(StandardCharsets.UTF_8);
            byte[] producer = "order-service".getBytes(StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertEquals(true, exports.stream().anyMatch(b -> contains(b, id) && contains(b, producer)),
                        "order-service exported a span of trace " + traceId + " (" + exports.size() + " exports)");
                assertEquals(true, exports.stream().anyMatch(b -> contains(b, id) && contains(b, consumer)
                        && contains(b, "order-events".getBytes(StandardCharsets.UTF_8))),
                        "customer-service exported its order-events span of trace " + traceId);
            });
        } finally {
            receiver.stop(0);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** OTLP protobuf carries trace ids as raw bytes and strings as UTF-8: a byte search finds both. */
    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }


    record Running(String name, int port, Process process, Path log) implements AutoCloseable {
        String url() {
            return "http://localhost:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    static Running start(String service, String suffix, Map<String, String> extra) throws Exception {
        Path root = RunningStack.projectRoot();
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Path dir = root.resolve("system-tests/target/logs");
        Files.createDirectories(dir);
        Path key = dir.resolve("jwt-public-" + suffix + ".pem");
        Files.writeString(key, TestInfra.jwtPublicKey());
        Map<String, String> config = RunningStack.serviceConfig(service, key);
        config.putAll(extra);
        int port = Ports.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = dir.resolve(service + "-" + suffix + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Running running = new Running(service, port, process, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(running.url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return running;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        running.close();
        throw new IllegalStateException(service + " (" + suffix + ") did not become ready:\n" + RunningStack.tail(log));
    }
}
