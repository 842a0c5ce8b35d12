package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ru.parus.infra.Ports;
import ru.parus.infra.Watchdog;
import ru.parus.infra.test.TestInfra;

/**
 * The five packaged services running together against the real broker, database and SMTP server of
 * {@link TestInfra}, started once per test JVM: {@code @ExtendWith(RunningStack.class)}, then
 * {@link #url(String)}.
 *
 * <p>Each service is {@code java -jar <root>/<svc>/target/quarkus-app/quarkus-run.jar} on a free port, with
 * {@link TestInfra#serviceConfig(String)} as {@code -D} options. The JWT public key (a PEM, with newlines) goes
 * through a file and {@code -Dmp.jwt.verify.publickey.location}: a system property outranks the services'
 * {@code %prod.mp.jwt.verify.publickey.location} in application.properties, and only one of the two key options
 * is ever set. All five are launched at once; each must answer 200 on
 * {@code /q/health/ready} within {@link #READY_TIMEOUT}, or the failure shows the tail of its log
 * ({@code system-tests/target/logs/<svc>.log}). They are stopped when JUnit ends the run (while the broker and
 * database are still up), by a shutdown hook if that did not happen, and by a {@link Watchdog} each should this
 * JVM be killed with SIGKILL.
 *
 * <p>{@code -Dparus.services=customer-service,...} starts only those services (to try the harness while a
 * service is not built yet); the tests of the others then fail with "not started".
 */
public final class RunningStack implements BeforeAllCallback {
    public static final String CUSTOMER = "customer-service";
    public static final String ORDER = "order-service";
    public static final String CALLCENTER = "callcenter-service";
    public static final String FULFILLMENT = "fulfillment-service";
    public static final String NOTIFICATION = "notification-service";

    /** Service and its database, in the order of ARCHITECTURE.md's table. */
    public static final Map<String, String> DATABASES;
    static {
        Map<String, String> databases = new LinkedHashMap<>();
        databases.put(CUSTOMER, "customers");
        databases.put(ORDER, "orders");
        databases.put(CALLCENTER, "callcenter");
        databases.put(FULFILLMENT, "fulfillment");
        databases.put(NOTIFICATION, "notifications");
        DATABASES = Collections.unmodifiableMap(databases);
    }
    public static final List<String> SERVICES = List.copyOf(DATABASES.keySet());

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int LOG_TAIL_LINES = 60;
    private static final List<String> JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * Graceful shutdown as ops/k8s deploys it (QUARKUS_SHUTDOWN_TIMEOUT): on SIGTERM Quarkus keeps answering the
     * requests that arrive (with {@code Connection: close}) and waits until none is in flight, for up to this long.
     * The services set no value of their own.
     */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private static Stack stack;
    private static Throwable startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        Stack running = get();
        // closed by JUnit when the whole run ends, while the broker and database still run: the services stop
        // cleanly; the shutdown hook is only the fallback (the broker's and database's own hooks run beside it)
        context.getRoot().getStore(ExtensionContext.Namespace.create(RunningStack.class))
                .computeIfAbsent("services", key -> (AutoCloseable) running::stop, AutoCloseable.class);
    }

    /** The base URL of a running service, e.g. {@code http://localhost:41234}. */
    public static String url(String service) {
        Service s = get().services.get(service);
        if (s == null) {
            fail(service + " was not started (-Dparus.services=" + System.getProperty("parus.services") + ")");
        }
        return "http://localhost:" + s.port;
    }

    /**
     * Stops one service with a signal, as an orchestrator ({@code TERM}) or a crash ({@code KILL}) would, and
     * waits for the process to end; returns how long it took to exit after the signal.
     */
    public static Duration stop(String service, boolean graceful) {
        Service s = get().services.get(service);
        if (s == null) {
            fail(service + " was not started");
        }
        long signalled = System.nanoTime();
        if (graceful) {
            s.process.destroy(); // SIGTERM
        } else {
            s.process.destroyForcibly(); // SIGKILL
        }
        try {
            if (!s.process.waitFor(SHUTDOWN_TIMEOUT.toSeconds() + 20, TimeUnit.SECONDS)) {
                s.process.destroyForcibly();
                s.process.waitFor(5, TimeUnit.SECONDS);
                fail(service + " did not exit within " + (SHUTDOWN_TIMEOUT.toSeconds() + 20) + " s of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration exit = Duration.ofNanos(System.nanoTime() - signalled);
        s.watchdog.close();
        if (!base(service).equals(service)) {
            // a replica stopped is gone: later tests wait for the services that remain ready, not for it
            get().services.remove(service);
        }
        return exit;
    }

    /** The operating system's process id of a running service. */
    public static long pid(String service) {
        return get().services.get(service).process.pid();
    }

    /** The process's exit code after {@link #stop}. */
    public static int exitCode(String service) {
        return get().services.get(service).process.exitValue();
    }

    /** Starts a stopped service again (a new port: {@link #url} follows) and waits until it is ready. */
    public static Duration restart(String service) {
        Stack running = get();
        Service old = running.services.get(service);
        if (old == null || old.process.isAlive()) {
            fail(service + " is not stopped");
        }
        long t0 = System.nanoTime();
        String problem = running.launchAndAwait(service);
        if (problem != null) {
            fail(service + " did not come back: " + problem + "\n" + logTail(service));
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * Starts a second instance of a running service (same jar, same database, same consumer groups), named
     * {@code <service>#2}: {@link #url} and {@link #stop} take that name; once stopped it is forgotten.
     */
    public static String startReplica(String service, int number) {
        Stack running = get();
        if (!running.jars.containsKey(service)) {
            fail(service + " was not started");
        }
        String name = service + "#" + number;
        String problem = running.launchAndAwait(name);
        if (problem != null) {
            fail(name + " did not start: " + problem);
        }
        return name;
    }

    /** The service a replica name ({@code customer-service#2}) belongs to. */
    static String base(String name) {
        int hash = name.indexOf('#');
        return hash < 0 ? name : name.substring(0, hash);
    }

    /** Waits until every running service answers 200 on /q/health/ready (after a broker restart, say). */
    public static void awaitAllReady(Duration timeout) {
        Stack running = get();
        HttpClient http = running.http;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Service s : running.services.values()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + s.port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            while (true) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not answering yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (System.nanoTime() > deadline) {
                    fail(s.name + " not ready within " + timeout.toSeconds() + " s\n" + tail(s.log));
                }
                sleep(200);
            }
        }
    }

    /**
     * The multi-module root: the folder holding {@code local-infra}, found from {@code -Dparus.root} (surefire sets it
     * to Maven's multi-module directory, which is this module itself when Maven runs here) or from the working
     * directory, walking up.
     */
    public static Path projectRoot() {
        List<Path> starts = new ArrayList<>();
        String configured = System.getProperty("parus.root");
        if (configured != null && !configured.isBlank()) {
            starts.add(Path.of(configured));
        }
        starts.add(Path.of(""));
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("local-infra"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("the project root (the folder containing local-infra) was not found from "
                + starts.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(" or ")));
    }

    private static synchronized Stack get() {
        if (stack != null) {
            return stack;
        }
        if (startFailure != null) {
            fail("the stack failed to start earlier in this test JVM: " + startFailure.getMessage(), startFailure);
        }
        try {
            stack = Stack.start();
            return stack;
        } catch (Throwable t) {
            startFailure = t;
            throw t;
        }
    }

    private static Path logsDir(Path root) {
        return root.resolve("system-tests").resolve("target").resolve("logs");
    }

    private static List<String> selectedServices() {
        String selected = System.getProperty("parus.services");
        if (selected == null || selected.isBlank()) {
            return SERVICES;
        }
        List<String> names = Arrays.stream(selected.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (!SERVICES.contains(name)) {
                throw new IllegalArgumentException("-Dparus.services: unknown service " + name + "; known: " + SERVICES);
            }
        }
        return names;
    }

    /** One running service. */
    private static final class Service {
        final String name;
        final int port;
        final Path log;
        final Process process;
        final Watchdog watchdog;
        final long launchedAt;
        /** From the first launch, including any relaunch on another port. */
        volatile Duration startupTime;

        Service(String name, int port, Path log, Process process, Watchdog watchdog, long launchedAt) {
            this.name = name;
            this.port = port;
            this.log = log;
            this.process = process;
            this.watchdog = watchdog;
            this.launchedAt = launchedAt;
        }
    }

    private static final class Stack {
        /** A free port may be taken by someone else before the service binds it, seconds later: then try another. */
        private static final int ATTEMPTS = 3;

        final Map<String, Service> services = new LinkedHashMap<>();
        private final Set<Integer> ports = new HashSet<>();
        private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private final Path root;
        private final Path workDir;
        private final Path publicKey;
        private final Map<String, Path> jars;

        private Stack(Path root, Map<String, Path> jars) {
            this.root = root;
            this.jars = jars;
            this.workDir = root.resolve("system-tests").resolve("target");
            this.publicKey = workDir.resolve("run").resolve("jwt-public.pem");
        }

        static Stack start() {
            Path root = projectRoot();
            Map<String, Path> jars = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String name : selectedServices()) {
                Path jar = root.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
                jars.put(name, jar);
                if (!Files.isRegularFile(jar)) {
                    missing.add(root.relativize(jar).toString());
                }
            }
            if (!missing.isEmpty()) {
                fail("missing " + String.join(", ", missing) + ": run `mvn -DskipTests package` in " + root
                        + " first, then the system tests");
            }

            // the broker's jars from the project root, whatever the working directory
            Path kafkaLib = root.resolve("local-infra/kafka-dist/target/kafka-lib");
            if (System.getProperty("parus.kafka.lib") == null && System.getenv("PARUS_KAFKA_LIB") == null
                    && Files.isDirectory(kafkaLib)) {
                System.setProperty("parus.kafka.lib", kafkaLib.toString());
            }
            long t0 = System.nanoTime();
            TestInfra.ensureStarted();
            long infraMillis = millisSince(t0);

            Stack stack = new Stack(root, jars);
            try {
                Files.createDirectories(logsDir(root));
                Files.createDirectories(stack.publicKey.getParent());
                Files.writeString(stack.publicKey, TestInfra.jwtPublicKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "system-tests-stop-services"));

            // all launched at once, each watched by its own thread (the common pool may have only one on 2 cores)
            long launched = System.nanoTime();
            ExecutorService launchers = Executors.newFixedThreadPool(Math.max(1, jars.size()));
            Map<String, CompletableFuture<String>> results = new LinkedHashMap<>();
            for (String name : jars.keySet()) {
                results.put(name, CompletableFuture.supplyAsync(() -> stack.launchAndAwait(name), launchers));
            }
            launchers.shutdown();
            List<String> failures = new ArrayList<>();
            results.forEach((name, result) -> {
                String problem;
                try {
                    problem = result.join();
                } catch (RuntimeException e) {
                    problem = "cannot launch: " + e;
                }
                if (problem != null) {
                    Path log = logsDir(root).resolve(name + ".log");
                    failures.add(name + ": " + problem + "\n--- last " + LOG_TAIL_LINES + " lines of " + log
                            + " ---\n" + tail(log) + "\n---");
                }
            });
            if (!failures.isEmpty()) {
                stack.stop();
                fail("the stack did not become ready:\n" + String.join("\n", failures));
            }
            System.out.printf("[system-tests] broker, database and SMTP ready in %d ms; %d services ready %d ms after"
                    + " launch: %s%n", infraMillis, stack.services.size(), millisSince(launched),
                    jars.keySet().stream().map(stack.services::get)
                            .map(s -> s.name + " " + s.startupTime.toMillis() + " ms (port " + s.port + ")")
                            .collect(Collectors.joining(", ")));
            return stack;
        }

        /** {@code null} once the service is ready, or why it is not. */
        private String launchAndAwait(String name) {
            long firstLaunch = System.nanoTime();
            for (int attempt = 1;; attempt++) {
                Service service = launch(name, attempt, firstLaunch);
                String problem = awaitReady(service);
                if (problem == null) {
                    service.startupTime = Duration.ofNanos(System.nanoTime() - firstLaunch);
                    return null;
                }
                if (attempt < ATTEMPTS && !service.process.isAlive() && portTaken(service)) {
                    service.watchdog.close();
                    continue;
                }
                return problem;
            }
        }

        private Service launch(String name, int attempt, long firstLaunch) {
            int port;
            synchronized (ports) {
                do {
                    port = Ports.free();
                } while (!ports.add(port));
            }
            List<String> command = new ArrayList<>();
            command.add(java);
            // -Dparus.service.jvm-options="-Xmx256m -XX:+UseSerialGC" replaces the defaults (the benchmark: full JIT)
            String jvmOptions = System.getProperty("parus.service.jvm-options");
            command.addAll(jvmOptions == null || jvmOptions.isBlank() ? JVM_OPTIONS
                    : Arrays.asList(jvmOptions.trim().split("\\s+")));
            // platform's PercentEscapes answers a broken URI with a problem, not Quarkus' root handler a bare 400
            command.add("-Dvertx.disableURIValidation=true");
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.shutdown.timeout=" + SHUTDOWN_TIMEOUT.toSeconds() + "s");
            Map<String, String> config = serviceConfig(base(name), publicKey);
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(jars.get(base(name)).toString());

            Path log = logsDir(root).resolve(name.replace('#', '-') + ".log");
            String header = (attempt == 1 ? "--- launched " + Instant.now() + " ---" + System.lineSeparator() : "--- attempt " + attempt + ": the previous port was taken ---"
                    + System.lineSeparator()) + "$ " + String.join(" ", command) + System.lineSeparator();
            try {
                boolean restart;
                synchronized (this) {
                    restart = services.containsKey(name);
                }
                if (attempt == 1 && !restart) {
                    Files.writeString(log, header);
                } else {
                    Files.writeString(log, header, StandardOpenOption.APPEND);
                }
                Process process = new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                // dies with this JVM even on SIGKILL, when no shutdown hook runs
                Watchdog watchdog = Watchdog.guard(process.pid(), "TERM");
                Service service = new Service(name, port, log, process, watchdog, System.nanoTime());
                synchronized (this) {
                    services.put(name, service);
                }
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot launch " + name, e);
            }
        }

        private static boolean portTaken(Service service) {
            try {
                return Files.readString(service.log).contains("Port " + service.port + " seems to be in use");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** {@code null} once ready, or why not. */
        private String awaitReady(Service service) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            long deadline = service.launchedAt + READY_TIMEOUT.toNanos();
            int lastStatus = -1;
            String lastBody = "";
            while (System.nanoTime() < deadline) {
                if (!service.process.isAlive()) {
                    return "the process exited with code " + service.process.exitValue() + " before it was ready";
                }
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return null;
                    }
                    lastStatus = response.statusCode();
                    lastBody = response.body();
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted while waiting";
                }
                sleep(200);
            }
            return "/q/health/ready did not answer 200 within " + READY_TIMEOUT.toSeconds() + " s"
                    + (lastStatus < 0 ? " (never answered)" : " (last answer " + lastStatus + ": " + lastBody + ")");
        }

        /** SIGTERM to all, then waits; SIGKILL to whatever is left; disarms the watchdogs. */
        synchronized void stop() {
            for (Service s : services.values()) {
                s.process.destroy();
            }
            for (Service s : services.values()) {
                try {
                    if (!s.process.waitFor(15, TimeUnit.SECONDS)) {
                        s.process.destroyForcibly();
                        s.process.waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    s.process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                s.watchdog.close();
            }
        }
    }

    /** The last lines of a service's log ({@code system-tests/target/logs/<svc>.log}), for a failure's message. */
    public static String logTail(String service) {
        return tail(logsDir(get().root).resolve(service + ".log"));
    }

    static String tail(Path log) {
        try {
            String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R");
            return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A packaged service's configuration against the test infrastructure (started in the prod profile). */
    static Map<String, String> serviceConfig(String service, Path publicKey) {
        Map<String, String> config = new TreeMap<>(TestInfra.serviceConfig(DATABASES.get(service)));
        // the PEM has newlines: a file instead, and only one of the two key options set
        config.remove("mp.jwt.verify.publickey");
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        if (service.equals("order-service")) {
            // production has no default for these secrets: the stack under test gets the development ones
            config.put("parus.order.storefront.secrets.LACTOMIN", "dev-lactomin-secret");
            config.put("parus.order.storefront.secrets.WATTN", "dev-wattn-secret");
            config.put("parus.order.payment-provider.secret", "dev-payment-secret");
        }
        return config;
    }
}
