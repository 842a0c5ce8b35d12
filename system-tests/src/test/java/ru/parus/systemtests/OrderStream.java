package ru.parus.systemtests;

import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone orders posted to order-service by a few concurrent clients, as a careful client would: each order has
 * its own Idempotency-Key and is retried with it (connection refused while the service is down, 503 while it
 * stops, any 5xx) until order-service answers 201. So every order the stream started must end up placed exactly
 * once, whatever happened to the service or the broker in between.
 *
 * <p>{@link #storefront()} streams signed LACTOMIN orders instead, each from a new buyer, paid at the pickup point
 * and with every term agreed, so order-service confirms them at intake and fulfillment-service ships each (R3, R12);
 * the key is then the storefront order number, and a repeat is answered 200 with {@code Idempotent-Replayed}.
 */
final class OrderStream implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** order-service's development secret of the LACTOMIN storefront (RunningStack passes it). */
    static final String LACTOMIN_SECRET = "dev-lactomin-secret";

    private final String customerId;
    private final String token;
    private final boolean storefront;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    /** Idempotency-Key -> order id, for every order answered 201. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** Keys sent at least once but never answered 201 (the client gave up). */
    final Map<String, String> unanswered = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger connectionFailures = new AtomicInteger();
    final AtomicInteger serviceUnavailable = new AtomicInteger();
    final AtomicInteger otherErrors = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    /** Nanoseconds of each first attempt that was answered 201 (no retry). */
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private volatile String lastError = "";

    OrderStream(String customerId, String token) {
        this(customerId, token, false);
    }

    private OrderStream(String customerId, String token, boolean storefront) {
        this.customerId = customerId;
        this.token = token;
        this.storefront = storefront;
    }

    /** Storefront orders confirmed at intake (cash at the pickup point), each a new buyer. */
    static OrderStream storefront() {
        return new OrderStream(null, null, true);
    }

    OrderStream start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            Thread t = new Thread(this::run, "order-client-" + i);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
        return this;
    }

    /** Waits until at least this many orders were accepted since the start. */
    void awaitAccepted(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + accepted.size() + " orders accepted within " + timeout.toSeconds()
                        + " s; last error: " + lastError);
            }
            sleep(20);
        }
    }

    /** Stops starting new orders; the orders in progress are retried until placed (or a minute passes). */
    @Override
    public void close() {
        stopping.set(true);
        for (Thread t : clients) {
            try {
                t.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String figures() {
        return String.format("orders started %d, accepted %d, never answered 201 %d; requests %d (retries %d:"
                + " connection failures %d, 503 %d, other errors %d; replayed answers %d)",
                accepted.size() + unanswered.size(), accepted.size(), unanswered.size(), requests.get(), retries.get(),
                connectionFailures.get(), serviceUnavailable.get(), otherErrors.get(), replayed.get());
    }

    private void run() {
        while (!stopping.get()) {
            String key = (storefront ? "LM-stream-" : "stream-") + UUID.randomUUID();
            String orderId = place(key);
            if (orderId == null) {
                unanswered.put(key, "");
            } else {
                accepted.put(key, orderId);
            }
        }
    }

    /** The order id once answered 201; null if the client gave up (a minute after the stream was stopped). */
    private String place(String key) {
        String body = storefront ? storefrontBody(key) : """
                {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":1},{"sku":"CREA-MONO-300","quantity":2}]}"""
                .formatted(customerId);
        long giveUpAfterStop = 0;
        for (int attempt = 1;; attempt++) {
            if (attempt > 1) {
                retries.incrementAndGet();
                sleep(50);
            }
            if (stopping.get()) {
                if (giveUpAfterStop == 0) {
                    giveUpAfterStop = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                } else if (System.nanoTime() > giveUpAfterStop) {
                    return null;
                }
            }
            requests.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(ORDER)
                        + (storefront ? "/storefront/LACTOMIN/orders" : "/orders")))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json");
                if (storefront) {
                    request.header("X-Parus-Signature", signLactomin(body));
                } else {
                    request.header("Authorization", "Bearer " + token).header("Idempotency-Key", key);
                }
                HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                boolean replayedAnswer = status == 200 && response.headers().firstValue("Idempotent-Replayed").isPresent();
                if (status == 201 || replayedAnswer) {
                    if (attempt == 1) {
                        latencies.add(System.nanoTime() - t0);
                    }
                    if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                        replayed.incrementAndGet();
                    }
                    Matcher m = ID.matcher(response.body());
                    if (!m.find()) {
                        throw new IllegalStateException("201 without an id: " + response.body());
                    }
                    return m.group(1);
                }
                if (status == 503) {
                    serviceUnavailable.incrementAndGet();
                } else {
                    otherErrors.incrementAndGet();
                    lastError = status + " " + response.body();
                }
            } catch (IOException e) {
                connectionFailures.incrementAndGet();
                lastError = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static String storefrontBody(String number) {
        String phone = "+7 9" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        LocalDate date = LocalDate.now().plusDays(3);
        return """
                {"storefrontOrderNumber":"%s","customer":{"name":"Fault Buyer","phone":"%s","email":null},
                 "lines":[{"sku":"WHEY-CHOC-900","quantity":1}],
                 "terms":{"paymentMethod":"AT_PICKUP_POINT","deliveryMethod":"PICKUP_POINT","pickupPointId":"CDEK-1",
                          "deliveryDate":"%s","windowFrom":"10:00","windowTo":"20:00"}}""".formatted(number, phone, date);
    }

    /** X-Parus-Signature of a LACTOMIN storefront body: hex HMAC-SHA256 with the storefront's secret. */
    static String signLactomin(String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(LACTOMIN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
