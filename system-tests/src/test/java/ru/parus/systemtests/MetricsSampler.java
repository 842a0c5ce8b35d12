package ru.parus.systemtests;

import static ru.parus.systemtests.RunningStack.url;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrapes some services' /q/metrics every half second while a test runs and keeps the largest value of each
 * watched metric (counters summed over their series, gauges the largest series, e.g. of a consumer's partitions): what the alerts would have seen during a fault.
 * A service that is down at a scrape is skipped.
 */
final class MetricsSampler implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, List<String>> watched;
    private final Map<String, Double> max = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** service -> metric names, e.g. {@code order-service -> [parus_outbox_unsent_rows]}. */
    MetricsSampler(Map<String, List<String>> watched) {
        this.watched = watched;
        this.thread = new Thread(this::run, "metrics-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            watched.forEach((service, metrics) -> {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url(service) + "/q/metrics"))
                            .timeout(Duration.ofSeconds(2)).GET().build();
                    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    for (String metric : metrics) {
                        double value = body.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                                .mapToDouble(MetricsSampler::sampleValue)
                                .reduce(metric.endsWith("_total") ? Double::sum : Math::max).orElse(0);
                        max.merge(service + " " + metric, value, Math::max);
                    }
                } catch (Exception | AssertionError e) {
                    // down or restarting: nothing to see this time
                }
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The value of a sample line: the token after the name and labels. Not the last token: OpenMetrics lines may end
     * in an exemplar ({@code 5.0 # {trace_id="..."} 1.0 1795000000.123}), whose epoch timestamp was once read as the
     * value (a "1.8e9 duplicates" figure).
     */
    static double sampleValue(String line) {
        int nameEnd = line.indexOf(' ');
        int labelsStart = line.indexOf('{');
        boolean labelled = labelsStart >= 0 && (nameEnd < 0 || labelsStart < nameEnd);
        String rest = line.substring(labelled ? line.indexOf('}', labelsStart) + 1 : nameEnd).strip();
        int end = rest.indexOf(' ');
        return parse(end < 0 ? rest : rest.substring(0, end));
    }

    private static double parse(String value) {
        try {
            double d = Double.parseDouble(value);
            return Double.isNaN(d) ? 0 : d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String maxima() {
        return "max seen: " + new TreeMap<>(max);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
