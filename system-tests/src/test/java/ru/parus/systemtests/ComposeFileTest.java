package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The root docker-compose.yml describes the same stack as the local one: broker, database, mail server and the
 * five services on the ports of ARCHITECTURE.md. No Docker is needed: the file is only read.
 */
class ComposeFileTest {
    static final String BROKER = "kafka";
    static final String DATABASE = "postgres";
    static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    static {
        PORTS.put(RunningStack.CUSTOMER, 8081);
        PORTS.put(RunningStack.ORDER, 8082);
        PORTS.put(RunningStack.CALLCENTER, 8083);
        PORTS.put(RunningStack.FULFILLMENT, 8084);
        PORTS.put(RunningStack.NOTIFICATION, 8085);
    }

    static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        Path file = RunningStack.projectRoot().resolve("docker-compose.yml");
        assertTrue(Files.isRegularFile(file), file + " exists");
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // SafeConstructor resolves anchors and `<<` merge keys, as Compose does
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        services = map(map(document, "the document").get("services"), "services");
    }

    @Test
    void theBrokerTheDatabaseAMailServerAndTheFiveServicesAreThere() {
        assertTrue(services.containsKey(BROKER), "service " + BROKER + " in " + services.keySet());
        assertTrue(services.containsKey(DATABASE), "service " + DATABASE + " in " + services.keySet());
        assertTrue(services.entrySet().stream().anyMatch(e -> isMailServer(e.getKey(), e.getValue())),
                "a mail server (GreenMail, Mailpit, MailHog or another SMTP sink) in " + services.keySet());
        for (String service : RunningStack.SERVICES) {
            assertTrue(services.containsKey(service), "service " + service + " in " + services.keySet());
        }
    }

    @Test
    void eachServiceHasAHealthcheckAndAMemoryLimit() {
        for (String name : RunningStack.SERVICES) {
            Map<String, Object> service = service(name);
            Map<String, Object> healthcheck = map(service.get("healthcheck"), name + ".healthcheck");
            assertNotNull(healthcheck.get("test"), name + ".healthcheck.test");
            Object memory = map(map(map(service.get("deploy"), name + ".deploy").get("resources"),
                    name + ".deploy.resources").get("limits"), name + ".deploy.resources.limits").get("memory");
            assertNotNull(memory, name + ".deploy.resources.limits.memory");
            assertFalse(memory.toString().isBlank(), name + ".deploy.resources.limits.memory");
        }
    }

    /** Directly or through a service that does (such as a topic-creating job that waits for the broker). */
    @Test
    void eachServiceDependsOnTheBrokerAndTheDatabase() {
        for (String name : RunningStack.SERVICES) {
            assertNotNull(service(name).get("depends_on"), name + ".depends_on");
            Set<String> needs = dependencies(name);
            assertTrue(needs.contains(BROKER), name + " depends on " + BROKER + "; it depends on " + needs);
            assertTrue(needs.contains(DATABASE), name + " depends on " + DATABASE + "; it depends on " + needs);
        }
    }

    @Test
    void theServicesArePublishedOnPorts8081To8085() {
        PORTS.forEach((name, port) -> {
            List<Integer> published = publishedPorts(name);
            assertTrue(published.contains(port), name + " published on " + port + "; it is on " + published);
        });
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    private static boolean isMailServer(String name, Object definition) {
        String image = definition instanceof Map<?, ?> m && m.get("image") != null ? m.get("image").toString() : "";
        String text = (name + " " + image).toLowerCase(Locale.ROOT);
        return List.of("mail", "smtp").stream().anyMatch(text::contains);
    }

    /** The transitive closure of depends_on (a list of names or a map of name to condition). */
    private static Set<String> dependencies(String name) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            Object dependsOn = services.get(todo.pop()) instanceof Map<?, ?> m ? m.get("depends_on") : null;
            Iterable<?> direct = dependsOn instanceof Map<?, ?> m ? m.keySet()
                    : dependsOn instanceof List<?> l ? l : List.of();
            for (Object dependency : direct) {
                if (seen.add(dependency.toString())) {
                    todo.push(dependency.toString());
                }
            }
        }
        return seen;
    }

    /** Host ports of the short syntax ({@code [ip:]host:container[/proto]}) and of the long one ({@code published}). */
    private static List<Integer> publishedPorts(String name) {
        Object ports = service(name).get("ports");
        assertInstanceOf(List.class, ports, name + ".ports");
        return ((List<?>) ports).stream().map(p -> {
            if (p instanceof Map<?, ?> m) {
                Object published = m.get("published");
                return published == null ? null : Integer.valueOf(published.toString().split("-")[0]);
            }
            String[] parts = p.toString().split("/")[0].split(":");
            return parts.length < 2 ? null : Integer.valueOf(parts[parts.length - 2].split("-")[0]);
        }).filter(java.util.Objects::nonNull).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertInstanceOf(Map.class, value, what + " is a mapping");
        return (Map<String, Object>) value;
    }
}
