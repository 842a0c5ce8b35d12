package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * ops/k8s (written by scripts/k8s-manifests.py) deploys every service the way the services expect: the image the
 * Dockerfile builds, port 8080, Quarkus' health endpoints as probes, configuration from ConfigMaps that exist and
 * Secrets that are only referenced, a grace period longer than Quarkus' shutdown timeout, and for each Deployment
 * a Service, a PodDisruptionBudget and an autoscaler that select it.
 */
class K8sManifestsTest {
    private static final Map<String, List<Map<String, Object>>> BY_KIND = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path dir = RunningStack.projectRoot().resolve("ops/k8s");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "manifests in " + dir);
        for (Path file : files) {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
                if (doc == null) {
                    continue;
                }
                Map<String, Object> m = map(doc);
                assertNotNull(m.get("apiVersion"), file + ": apiVersion");
                BY_KIND.computeIfAbsent((String) m.get("kind"), k -> new ArrayList<>()).add(m);
            }
        }
    }

    @Test
    void everyServiceHasADeploymentWithItsImagePortProbesAndResources() {
        Set<String> deployed = new HashSet<>();
        for (Map<String, Object> d : kind("Deployment")) {
            String name = str(d, "metadata.name");
            deployed.add(name);
            Map<String, Object> pod = map(get(d, "spec.template.spec"));
            List<Object> containers = list(pod.get("containers"));
            assertEquals(1, containers.size(), name);
            Map<String, Object> c = map(containers.get(0));
            assertEquals(builtImage(name), str(c, "image"), name + ": the image ./parus images builds and compose runs");
            Map<String, Object> port = map(list(c.get("ports")).get(0));
            assertEquals(8080, port.get("containerPort"), name + ": the Dockerfile's port");
            assertEquals("http", port.get("name"), name);
            assertEquals("/q/health/ready", str(c, "readinessProbe.httpGet.path"), name);
            assertEquals("/q/health/live", str(c, "livenessProbe.httpGet.path"), name);
            assertEquals("/q/health/started", str(c, "startupProbe.httpGet.path"), name);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("http", str(c, probe + ".httpGet.port"), name + " " + probe + " port");
            }
            for (String r : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                assertNotNull(get(c, "resources." + r), name + " resources." + r);
            }
            assertEquals(map(get(d, "spec.selector.matchLabels")).entrySet().stream()
                    .filter(e -> !e.getValue().equals(map(get(d, "spec.template.metadata.labels")).get(e.getKey())))
                    .toList(), List.of(), name + ": the selector matches the pod's labels");
        }
        assertEquals(new HashSet<>(RunningStack.SERVICES), deployed);
    }

    @Test
    void theGracePeriodOutlastsQuarkusShutdownTimeoutAndThePreStopPause() {
        String timeout = (String) map(configMap("parus-common").get("data")).get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertNotNull(timeout, "parus-common sets QUARKUS_SHUTDOWN_TIMEOUT (the services set none)");
        long shutdown = Duration.parse("PT" + timeout.toUpperCase()).toSeconds();
        for (Map<String, Object> d : kind("Deployment")) {
            Map<String, Object> pod = map(get(d, "spec.template.spec"));
            long preStop = Long.parseLong(String.valueOf(list(get(map(list(pod.get("containers")).get(0)),
                    "lifecycle.preStop.exec.command")).get(1)));
            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            assertTrue(grace > shutdown + preStop, str(d, "metadata.name") + ": grace " + grace + " s, shutdown "
                    + shutdown + " s + preStop " + preStop + " s");
        }
    }

    @Test
    void configurationComesFromConfigMapsThatExistAndSecretsThatAreOnlyReferenced() {
        assertEquals(List.of(), kind("Secret"), "no Secret with values in the repository");
        for (Map<String, Object> d : kind("Deployment")) {
            String name = str(d, "metadata.name");
            Map<String, Object> pod = map(get(d, "spec.template.spec"));
            Map<String, Object> c = map(list(pod.get("containers")).get(0));
            Set<String> env = new HashSet<>();
            for (Object from : list(c.get("envFrom"))) {
                Map<String, Object> data = map(configMap(str(map(from), "configMapRef.name")).get("data"));
                env.addAll(data.keySet());
            }
            for (Object o : list(c.get("env"))) {
                Map<String, Object> e = map(o);
                env.add((String) e.get("name"));
                Object cm = get(e, "valueFrom.configMapKeyRef");
                if (cm != null) {
                    assertTrue(map(configMap(str(map(cm), "name")).get("data")).containsKey(str(map(cm), "key")),
                            name + ": " + e.get("name") + " from " + cm);
                } else {
                    assertNotNull(get(e, "valueFrom.secretKeyRef"), name + ": " + e.get("name")
                            + " from a ConfigMap or a Secret, not a literal");
                }
            }
            for (String needed : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_ISSUER",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "QUARKUS_SHUTDOWN_TIMEOUT")) {
                assertTrue(env.contains(needed), name + " gets " + needed);
            }
            for (Object v : list(pod.get("volumes"))) {
                Object cm = get(map(v), "configMap.name");
                if (cm != null) {
                    configMap((String) cm);
                }
            }
        }
        // order-service's production secrets (application.properties' ${PARUS_...} with dev defaults)
        Map<String, Object> order = kind("Deployment").stream()
                .filter(d -> str(d, "metadata.name").equals(RunningStack.ORDER)).findFirst().orElseThrow();
        String envNames = String.valueOf(get(map(list(get(order, "spec.template.spec.containers")).get(0)), "env"));
        for (String secret : List.of("PARUS_LACTOMIN_SECRET", "PARUS_WATTN_SECRET", "PARUS_PAYMENT_PROVIDER_SECRET")) {
            assertTrue(envNames.contains(secret), "order-service gets " + secret);
        }
    }

    @Test
    void eachDeploymentHasAServiceABudgetAndAnAutoscalerSelectingIt() {
        for (Map<String, Object> d : kind("Deployment")) {
            String name = str(d, "metadata.name");
            Map<String, Object> podLabels = map(get(d, "spec.template.metadata.labels"));
            Map<String, Object> svc = named("Service", name);
            assertTrue(podLabels.entrySet().containsAll(map(get(svc, "spec.selector")).entrySet()), name + " Service");
            assertEquals("http", str(map(list(get(svc, "spec.ports")).get(0)), "targetPort"), name);
            Map<String, Object> pdb = named("PodDisruptionBudget", name);
            assertTrue(podLabels.entrySet().containsAll(map(get(pdb, "spec.selector.matchLabels")).entrySet()),
                    name + " PodDisruptionBudget");
            int replicas = (Integer) get(d, "spec.replicas");
            assertTrue((Integer) get(pdb, "spec.minAvailable") < replicas,
                    name + ": the budget lets a node drain with " + replicas + " replicas");
            Map<String, Object> hpa = named("HorizontalPodAutoscaler", name);
            assertEquals(name, str(hpa, "spec.scaleTargetRef.name"));
            assertEquals("Deployment", str(hpa, "spec.scaleTargetRef.kind"));
            assertTrue((Integer) get(hpa, "spec.minReplicas") <= (Integer) get(hpa, "spec.maxReplicas"), name);
        }
    }

    private static List<Map<String, Object>> kind(String kind) {
        return BY_KIND.getOrDefault(kind, List.of());
    }

    private static Map<String, Object> named(String kind, String name) {
        return kind(kind).stream().filter(m -> name.equals(str(m, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> configMap(String name) {
        return named("ConfigMap", name);
    }

    private static Object get(Map<String, Object> m, String path) {
        Object current = m;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else {
                return null;
            }
        }
        return current;
    }

    private static String str(Map<String, Object> m, String path) {
        Object v = get(m, path);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "a mapping: " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /**
     * The image scripts/images.sh tags for a service ({@code build "parus/$s:latest" ...}), checked against the one
     * docker-compose.yml runs, so that the manifests, compose and the build name one image.
     */
    static String builtImage(String service) {
        try {
            String script = Files.readString(RunningStack.projectRoot().resolve("scripts/images.sh"));
            Matcher tag = Pattern.compile("build \"(parus/)\\$s(:[\\w.-]+)\"").matcher(script);
            assertTrue(tag.find(), "scripts/images.sh tags each service's image as parus/$s:<tag>");
            String image = tag.group(1) + service + tag.group(2);
            String compose = Files.readString(RunningStack.projectRoot().resolve("docker-compose.yml"));
            String composed = "image: parus/" + service + ":${PARUS_IMAGE_TAG:-" + tag.group(2).substring(1) + "}";
            assertTrue(compose.contains(composed), "docker-compose.yml runs " + image + " (" + composed + ")");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
