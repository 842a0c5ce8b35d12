package ru.parus.infra.test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.restassured.RestAssured;

/**
 * A server-sent-events client as a browser's EventSource reads a stream: {@code id:}, {@code event:}, {@code data:}
 * lines up to a blank line; comments are kept apart. Lines are read on a daemon thread; {@link #close} drops the
 * connection (so an open stream never keeps the test application from stopping).
 */
public final class SseClient implements AutoCloseable {
    public record Event(String id, String name, String data, long receivedNanos) {
    }

    public final int status;
    public final String contentType;
    public final String body; // the answer when it is not a stream (a problem)
    private final InputStream in;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

    private SseClient(HttpResponse<InputStream> response) throws Exception {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.in = response.body();
        if (!contentType.startsWith("text/event-stream")) {
            this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            in.close();
            return;
        }
        this.body = null;
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} with the token (none when null) and the headers (name, value, ...); returns once headers came. */
    public static SseClient open(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        SseClient client = new SseClient(response);
        if (client.body == null && client.comments.poll(10, TimeUnit.SECONDS) == null) { // ": open"
            client.close();
            throw new AssertionError("the stream did not open");
        }
        return client;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    /** The next event that matches within {@code wait}, skipping others; null if none came. */
    public Event next(Predicate<Event> matching, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && matching.test(e)) {
                return e;
            }
        }
        return null;
    }

    /** Every event that matches within {@code wait}. */
    public List<Event> all(Predicate<Event> matching, Duration wait) throws InterruptedException {
        List<Event> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && matching.test(e)) {
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (Exception ignored) {
            // already gone
        }
    }
}
