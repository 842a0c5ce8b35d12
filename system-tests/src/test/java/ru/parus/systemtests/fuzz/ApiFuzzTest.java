package ru.parus.systemtests.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;
import ru.parus.infra.DevKeys;
import ru.parus.infra.test.TestInfra;
import ru.parus.systemtests.RunningStack;
import ru.parus.systemtests.fuzz.FuzzRequest.Operation;

/**
 * Issue 8's API fuzzer: every operation of the five services' OpenAPI documents
 * ({@code GET /q/openapi?format=json} of the packaged services) gets valid-looking requests built from the schema
 * and its examples, and hostile ones (wrong types, nulls, missing and extra fields, huge strings and numbers,
 * negative quantities, unicode edge cases, injection strings, malformed JSON, wrong Content-Type, empty bodies,
 * path parameters that are not UUIDs, no token, an expired, forged or role-less token).
 *
 * <p>Every answer must be below 500; every 4xx must be {@code application/problem+json} with {@code type},
 * {@code title} and {@code status} (equal to the HTTP status); a rejected POST/PUT/PATCH/DELETE must leave the
 * service's database as it was ({@link DataFingerprint}: row counts and newest row versions of its tables, the
 * outbox's count among them). All violations are collected and reported together at the end, each with the
 * request, the answer and, for a 5xx, the exception lines the service logged.
 *
 * <p>Short form in the normal suite: {@code -Dparus.fuzz.count=1500} (default), {@code -Dparus.fuzz.seed=8}
 * (default). Long form: {@code scripts/fuzz.sh 10000 42}.
 */
@ExtendWith(RunningStack.class)
class ApiFuzzTest {
    static final int COUNT = Integer.getInteger("parus.fuzz.count", 1500);
    static final long SEED = Long.getLong("parus.fuzz.seed", 8L);
    /** {@code -Dparus.fuzz.trace=true} prints every request with its status. */
    static final boolean TRACE = Boolean.getBoolean("parus.fuzz.trace");
    static final int MAX_REPORTED = Integer.getInteger("parus.fuzz.max-reported", 200);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndChangesNothing() throws Exception {
        Random random = new Random(SEED);
        Map<String, List<String>> knownIds = new LinkedHashMap<>();
        RequestGenerator.Tokens tokens = tokens();

        // the operations of all five services, and a generator per document
        List<Operation> operations = new ArrayList<>();
        Map<String, RequestGenerator> generators = new LinkedHashMap<>();
        Map<String, DataFingerprint> fingerprints = new LinkedHashMap<>();
        for (String service : services()) {
            JsonNode document = openApi(service);
            generators.put(service, new RequestGenerator(document, random, knownIds));
            List<Operation> ops = RequestGenerator.operations(service, document);
            assertTrue(!ops.isEmpty(), service + " documents no operation");
            operations.addAll(ops);
            fingerprints.put(service, new DataFingerprint(RunningStack.DATABASES.get(service)));
        }
        for (DataFingerprint fingerprint : fingerprints.values()) {
            fingerprint.learnNoise(1500);
        }
        System.out.printf("[fuzz] seed %d, %d requests over %d operations of %d services%n", SEED, COUNT,
                operations.size(), generators.size());

        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, Integer> perKind = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        Map<String, Integer> counter = new LinkedHashMap<>();
        int resent = 0;
        int accepted = 0;
        int acceptedSeen = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            Operation op = operations.get(i % operations.size());
            List<String> kinds = RequestGenerator.kinds(op);
            int round = counter.merge(op.id(), 1, Integer::sum) - 1;
            // each operation walks through its kinds, from a different start, valid ones twice as often
            String kind = round % 3 == 0 ? "valid" : kinds.get((round + i) % kinds.size());
            FuzzRequest request = generators.get(op.service()).build(op, kind, tokens);
            DataFingerprint fingerprint = fingerprints.get(op.service());

            Map<String, String> before = request.changesData() ? fingerprint.take() : null;
            long logOffset = logSize(op.service());
            Answer answer = send(request);
            statuses.computeIfAbsent(op.service(), s -> new TreeMap<>()).merge(answer.status, 1, Integer::sum);
            perKind.merge(kind, 1, Integer::sum);

            if (TRACE) {
                System.out.println("[fuzz-trace] " + answer.status + " " + cut(request.describe(), 400) + " -> "
                        + cut(answer.body, 300));
            }
            List<String> problems = check(answer);
            if (answer.status >= 500 || answer.status < 0) {
                problems.add(0, "server error; service log: " + exceptionLines(op.service(), logOffset));
            }
            if (answer.status >= 200 && answer.status < 300) {
                remember(op, answer.body, knownIds);
                if (request.changesData()) {
                    accepted++;
                    if (!fingerprint.changed(before, fingerprint.take()).isEmpty()) {
                        acceptedSeen++;
                    }
                }
            } else if (request.changesData() && answer.status >= 400) {
                Set<String> changed = fingerprint.changed(before, fingerprint.take());
                if (!changed.isEmpty()) {
                    resent++;
                    changed = confirmChange(request, fingerprint);
                    if (!changed.isEmpty()) {
                        problems.add("rejected with " + answer.status + " but changed table(s) " + changed);
                    }
                }
            }
            if (!problems.isEmpty()) {
                violations.add(request.describe() + "\n      -> " + answer.status + " " + answer.contentType + " "
                        + cut(answer.body, 400) + "\n      !! " + String.join("; ", problems));
            }
        }
        long seconds = Math.max(1, (System.nanoTime() - t0) / 1_000_000_000);

        StringBuilder summary = new StringBuilder();
        summary.append(String.format("[fuzz] %d requests in %d s (seed %d)%n", COUNT, seconds, SEED));
        statuses.forEach((service, byStatus) -> summary.append(String.format("[fuzz]   %-22s %5d requests, statuses %s%n",
                service, byStatus.values().stream().mapToInt(Integer::intValue).sum(), byStatus)));
        summary.append("[fuzz]   kinds: ").append(perKind).append('\n');
        fingerprints.forEach((service, f) -> {
            if (!f.noisy().isEmpty()) {
                summary.append("[fuzz]   ").append(service).append(": tables that change by themselves (xmin not compared): ")
                        .append(f.noisy()).append('\n');
            }
        });
        summary.append(String.format("[fuzz]   rejected changes re-sent to tell their effect from background work: %d%n", resent));
        summary.append(String.format("[fuzz]   accepted changes (2xx POST/PUT/PATCH/DELETE): %d, of which the fingerprint"
                + " saw %d%n", accepted, acceptedSeen));
        summary.append(String.format("[fuzz]   violations: %d%n", violations.size()));
        System.out.print(summary);
        for (int i = 0; i < Math.min(violations.size(), MAX_REPORTED); i++) {
            System.out.println("[fuzz] " + (i + 1) + ". " + violations.get(i));
        }
        Path report = RunningStack.projectRoot().resolve("system-tests/target/fuzz-report.txt");
        Files.writeString(report, summary + String.join("\n", violations) + "\n");

        for (DataFingerprint f : fingerprints.values()) {
            f.close();
        }
        // the data check can fail: requests that were accepted and changed data showed in the fingerprint
        assertTrue(accepted == 0 || acceptedSeen > 0, "the fingerprint saw none of the " + accepted
                + " accepted changes: it cannot see a rejected one either");
        if (!violations.isEmpty()) {
            fail(violations.size() + " violation(s) in " + COUNT + " requests (seed " + SEED + "; all in " + report
                    + "):\n" + String.join("\n", violations.subList(0, Math.min(violations.size(), MAX_REPORTED))));
        }
    }

    @AfterAll
    static void done() {
        // nothing: RunningStack stops the services when the run ends
    }

    /** All five, or those of {@code -Dparus.services} (as RunningStack starts them). */
    private static List<String> services() {
        String selected = System.getProperty("parus.services");
        if (selected == null || selected.isBlank()) {
            return RunningStack.SERVICES;
        }
        return java.util.Arrays.stream(selected.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** status < 500 is checked by the caller; here: the shape of a 4xx. */
    private List<String> check(Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.status < 400 || answer.status >= 500) {
            return problems;
        }
        if (answer.contentType == null || !answer.contentType.startsWith("application/problem+json")) {
            problems.add("a " + answer.status + " without Content-Type application/problem+json (got " + answer.contentType + ")");
            return problems;
        }
        try {
            JsonNode body = mapper.readTree(answer.body);
            if (body == null || !body.isObject()) {
                problems.add("the problem body is not a JSON object");
                return problems;
            }
            if (!body.path("type").isTextual()) {
                problems.add("the problem has no type");
            }
            if (!body.path("title").isTextual()) {
                problems.add("the problem has no title");
            }
            if (body.path("status").asInt(-1) != answer.status) {
                problems.add("the problem's status " + body.path("status") + " is not the HTTP status");
            }
        } catch (IOException e) {
            problems.add("the problem body is not JSON: " + e.getMessage());
        }
        return problems;
    }

    /**
     * A change seen around a rejected request may be a consumer's or a scheduler's: learn the noise, then send the
     * same request again and compare once more; what changes again is the request's doing.
     */
    private Set<String> confirmChange(FuzzRequest request, DataFingerprint fingerprint) {
        fingerprint.learnNoise(300);
        Map<String, String> before = fingerprint.take();
        Answer again = send(request);
        Map<String, String> after = fingerprint.take();
        if (again.status < 400 || DataFingerprint.consumerRan(before, after)) {
            return Set.of();
        }
        return fingerprint.changed(before, after);
    }

    private Answer send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(RunningStack.url(request.service())
                + request.pathAndQuery())).timeout(Duration.ofSeconds(20));
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        builder.method(request.method(), body);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.token() != null) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        builder.header("Accept", "*/*");
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(-1, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    /** Ids handed back by 2xx answers, by the resource they name (customer, order, ...), for later path parameters. */
    private static void remember(Operation op, String body, Map<String, List<String>> knownIds) {
        if (body == null) {
            return;
        }
        Matcher id = ID.matcher(body);
        if (id.find()) {
            List<String> ids = knownIds.computeIfAbsent(RequestGenerator.resourceOf(op.path()), k -> new ArrayList<>());
            if (ids.size() < 50 && !ids.contains(id.group(1))) {
                ids.add(id.group(1));
            }
        }
    }

    private JsonNode openApi(String service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(RunningStack.url(service) + "/q/openapi?format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            fail(service + "'s /q/openapi answered " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }

    private static RequestGenerator.Tokens tokens() {
        String all = TestInfra.token("fuzz-head", "MANAGER", "HEAD", "DIRECTOR", "WAREHOUSE", "ADMIN");
        String noRole = TestInfra.token("fuzz-nobody", "NOBODY");
        String privatePem = System.getProperty("parus.test.jwt.privateKey");
        String expired = Jwt.issuer(DevKeys.ISSUER).subject("fuzz-head").upn("fuzz-head")
                .groups(Set.of("HEAD", "MANAGER")).issuedAt(Instant.now().minus(Duration.ofHours(3)))
                .expiresAt(Instant.now().minus(Duration.ofHours(2)))
                .jws().keyId("parus-dev").sign(privateKey(privatePem));
        DevKeys other = DevKeys.generate();
        String forged = other.token("fuzz-head", Set.of("HEAD", "ADMIN"), Duration.ofHours(1));
        return new RequestGenerator.Tokens(all, expired, noRole, forged);
    }

    /** The test infrastructure's signing key (DevKeys keeps its parser private). */
    private static java.security.PrivateKey privateKey(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(body)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path log(String service) {
        return RunningStack.projectRoot().resolve("system-tests/target/logs/" + service + ".log");
    }

    private static long logSize(String service) {
        try {
            return Files.size(log(service));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The first exception line and the first project frame with a line number the service logged since {@code offset}. */
    private static String exceptionLines(String service, long offset) {
        DataFingerprint.sleep(100); // the log is written after the answer
        try (RandomAccessFile file = new RandomAccessFile(log(service).toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return "(nothing logged)";
            }
            file.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length - offset, 200_000)];
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String exception = null;
            String frame = null;
            for (String line : text.split("\\R")) {
                if (exception == null && line.matches(".*(Exception|Error)\\b.*")) {
                    exception = line.trim();
                }
                // the first frame of our code with a line number (not a generated proxy's)
                if (frame == null && line.trim().startsWith("at ru.parus.") && line.matches(".*\\.java:\\d+\\).*")) {
                    frame = line.trim();
                }
            }
            return (exception == null ? cut(text.strip(), 300) : cut(exception, 400)) + (frame == null ? "" : " | " + frame);
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }
}
