package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The services' OpenAPI documents as the build stores them ({@code <service>/target/openapi/openapi.yaml}, the
 * document {@code /q/openapi} serves) are what Swagger UI's "Authorize" and client generators need (issue 14): one
 * bearer JWT scheme that every secured operation names, the service's local URL as server, an explicit
 * {@code security: []} on the webhooks that check their own secret, and every 4xx/5xx a problem+json with the
 * {@code Problem} schema; every success response documents its body, and every response body has an example.
 * scripts/openapi-lint.sh lints the same files with Redocly CLI; this needs only the files.
 */
class OpenApiDocumentsTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void eachDocumentHasOneBearerSchemeItsServerAndProblemsForErrors() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String service : RunningStack.SERVICES) {
            Map<String, Object> doc = document(service);
            Map<String, Object> components = map(doc.get("components"));
            Map<String, Object> schemes = map(components.get("securitySchemes"));
            List<String> bearer = schemes.entrySet().stream()
                    .filter(e -> "bearer".equalsIgnoreCase(String.valueOf(map(e.getValue()).get("scheme"))))
                    .map(Map.Entry::getKey).toList();
            Map<String, Object> jwt = map(schemes.get("jwt"));
            if (!bearer.equals(List.of("jwt")) || !"http".equals(jwt.get("type")) || !"JWT".equals(jwt.get("bearerFormat"))) {
                wrong.add(service + ": bearer schemes " + bearer + " in " + schemes + ", expected one HTTP bearer JWT "
                        + "scheme named jwt");
            }
            String server = "http://localhost:" + ComposeFileTest.PORTS.get(service);
            List<Object> servers = list(doc.get("servers"));
            if (servers.isEmpty() || !server.equals(map(servers.get(0)).get("url"))) {
                wrong.add(service + ": servers " + servers + ", expected " + server + " first");
            }
            if (!map(components.get("schemas")).containsKey("Problem")) {
                wrong.add(service + ": no Problem schema");
            }
            for (Map.Entry<String, Object> path : map(doc.get("paths")).entrySet()) {
                for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
                    if (METHODS.contains(op.getKey())) {
                        operation(service + " " + op.getKey().toUpperCase() + " " + path.getKey(), map(op.getValue()),
                                schemes.keySet(), wrong);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "OpenAPI documents in <service>/target/openapi");
    }

    /**
     * What a client generator and Swagger UI need of the answers (issue 14): every operation has a success response,
     * each success but a 204 documents its body with a schema (else generated methods return nothing and ask only for
     * problem+json), and every response body shows an example (platform's ResponseExamplesFilter makes one from the
     * schema where a resource writes none).
     */
    @Test
    void everySuccessDocumentsItsBodyAndEveryResponseBodyHasAnExample() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String service : RunningStack.SERVICES) {
            for (Map.Entry<String, Object> path : map(document(service).get("paths")).entrySet()) {
                for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    String name = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
                    Map<String, Object> responses = map(map(op.getValue()).get("responses"));
                    if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                        wrong.add(name + ": no 2xx response");
                    }
                    for (Map.Entry<String, Object> response : responses.entrySet()) {
                        String code = response.getKey();
                        Map<String, Object> content = map(map(response.getValue()).get("content"));
                        if (code.startsWith("2") && !code.equals("204")
                                && content.values().stream().noneMatch(m -> !map(map(m).get("schema")).isEmpty())) {
                            wrong.add(name + " " + code + ": no body schema");
                        }
                        for (Map.Entry<String, Object> media : content.entrySet()) {
                            Map<String, Object> m = map(media.getValue());
                            if (!m.containsKey("example") && map(m.get("examples")).isEmpty()) {
                                wrong.add(name + " " + code + " " + media.getKey() + ": no example");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "OpenAPI documents in <service>/target/openapi");
    }

    private static void operation(String name, Map<String, Object> op, Set<String> schemes, List<String> wrong) {
        Object security = op.get("security");
        if (security == null) {
            wrong.add(name + ": no security (a bearer requirement, or [] for a webhook with its own secret)");
        } else {
            for (Object requirement : list(security)) {
                for (String scheme : map(requirement).keySet()) {
                    if (!schemes.contains(scheme)) {
                        wrong.add(name + ": security names undefined scheme " + scheme);
                    }
                }
            }
        }
        Map<String, Object> responses = map(op.get("responses"));
        if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
            wrong.add(name + ": no 4xx response");
        }
        for (Map.Entry<String, Object> response : responses.entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                Map<String, Object> problem = map(map(map(response.getValue()).get("content")).get("application/problem+json"));
                if (!PROBLEM_REF.equals(map(problem.get("schema")).get("$ref"))) {
                    wrong.add(name + " " + response.getKey() + ": not application/problem+json with " + PROBLEM_REF);
                }
            }
        }
    }

    private static Map<String, Object> document(String service) throws IOException {
        Path file = RunningStack.projectRoot().resolve(service).resolve("target/openapi/openapi.yaml");
        if (!Files.isRegularFile(file)) {
            fail("missing " + file + ": the build writes it (quarkus.smallrye-openapi.store-schema-directory); run "
                    + "`mvn -DskipTests package` first, then the system tests");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> doc = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
            assertTrue(doc.containsKey("paths"), file + " has paths");
            return doc;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
