package ru.parus.systemtests.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CALLCENTER;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.FULFILLMENT;
import static ru.parus.systemtests.RunningStack.NOTIFICATION;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import ru.parus.systemtests.RunningStack;
import ru.parus.systemtests.access.Rule.Outcome;

/**
 * R22, R24 from the outside: every operation of every service's OpenAPI document that takes the id of a customer,
 * order, shipment, call, task, message, escalation, feedback or discount request is called on the real stack as the
 * owner, another manager, the owner's deputy during an absence and after it, the head, the warehouse and nobody, and
 * must answer as {@link AccessRules} says. An operation with no rule fails the test.
 */
@ExtendWith(RunningStack.class)
class AccessMatrixTest {
    private static final List<String> SERVICES = List.of(CUSTOMER, ORDER, FULFILLMENT, CALLCENTER, NOTIFICATION);
    /** Query parameters that make a list one customer's or one order's. */
    private static final Set<String> ID_QUERY_PARAMS = Set.of("customerId", "orderId");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void R22_R24_everyOperationOnACustomersRecordsFollowsTheOnePolicy() {
        List<Rule> rules = AccessRules.all();
        Set<String> documented = documentedOperations();
        Set<String> ruled = rules.stream().map(r -> r.service + " " + r.key()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutPolicy = new TreeSet<>(documented);
        withoutPolicy.removeAll(ruled);
        withoutPolicy.removeAll(AccessRules.EXEMPT.keySet());
        assertTrue(withoutPolicy.isEmpty(), "operations that take a record's id but have no access rule in "
                + "AccessRules (add one, or an EXEMPT entry saying why): " + withoutPolicy);
        Set<String> stale = new TreeSet<>(ruled);
        stale.removeAll(documented);
        assertTrue(stale.isEmpty(), "rules for operations the OpenAPI documents do not have: " + stale);

        AccessFixture fixture = new AccessFixture();
        fixture.build();
        List<String> failures = new ArrayList<>();
        // the other services learn the owner from customer-events
        awaitProbes(fixture, Caller.OTHER, 403);
        fixture.startAbsence();
        awaitProbes(fixture, Caller.DEPUTY, 200);
        for (Caller caller : EnumSet.complementOf(EnumSet.of(Caller.DEPUTY_AFTER))) {
            rules.forEach(rule -> check(fixture, rule, caller, failures));
        }
        fixture.endAbsence();
        awaitProbes(fixture, Caller.DEPUTY_AFTER, 403);
        rules.forEach(rule -> check(fixture, rule, Caller.DEPUTY_AFTER, failures));

        Map<String, Long> perService = rules.stream()
                .collect(Collectors.groupingBy(r -> r.service, TreeMap::new, Collectors.counting()));
        System.out.println("access matrix: " + rules.size() + " operations x " + Caller.values().length
                + " callers; per service " + perService + "; exempt " + AccessRules.EXEMPT.size());
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the policy:\n" + String.join("\n", failures));
    }

    /** "service METHOD /path" for path ids, "service METHOD /path?customerId" for lists by a customer or order. */
    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        for (String service : SERVICES) {
            Map<String, Map<String, Object>> paths = given().baseUri(url(service)).queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
            paths.forEach((path, item) -> item.forEach((method, operation) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                String key = service + " " + method.toUpperCase() + " " + path;
                if (path.contains("{")) {
                    operations.add(key);
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) operation)
                        .getOrDefault("parameters", List.of());
                parameters.stream().filter(p -> "query".equals(p.get("in")) && ID_QUERY_PARAMS.contains(p.get("name")))
                        .forEach(p -> operations.add(key + "?" + p.get("name")));
            }));
        }
        return operations;
    }

    /** Waits until each service answers the probe caller as expected: events reach every service in their own time. */
    private static void awaitProbes(AccessFixture fixture, Caller caller, int status) {
        Map<String, String> probes = Map.of(CUSTOMER, "/customers/" + fixture.ids.get("customer"),
                ORDER, "/orders/" + fixture.ids.get("order"),
                FULFILLMENT, "/shipments/" + fixture.ids.get("shipment"),
                NOTIFICATION, "/messages/" + fixture.ids.get("message"),
                CALLCENTER, "/calls/" + fixture.ids.get("call"));
        probes.forEach((service, path) -> await("" + service + " answers " + caller + " on " + path + " with " + status)
                .atMost(AccessFixture.PROPAGATION)
                .until(() -> fixture.as(caller, service).get(path).statusCode() == status));
    }

    private static void check(AccessFixture fixture, Rule rule, Caller caller, List<String> failures) {
        Outcome expected = rule.profile.expected(caller);
        if (expected == Outcome.SKIP) {
            return;
        }
        RequestSpecification request = fixture.as(caller, rule.service);
        rule.queryParams.forEach((name, record) -> request.queryParam(name, fixture.ids.get(record)));
        if (rule.body != null) {
            request.body(rule.body);
        }
        if (rule.etagFrom != null) {
            String etag = fixture.as(Caller.HEAD, rule.service).get(fill(fixture, rule, rule.etagFrom)).header("ETag");
            if (etag != null) {
                request.header("If-Match", etag);
            }
        }
        Response response = request.request(rule.method, fill(fixture, rule, rule.path));
        if (!matches(expected, response)) {
            String body = response.asString();
            failures.add(rule + " as " + caller + ": expected " + expected + ", got " + response.statusCode() + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
    }

    private static String fill(AccessFixture fixture, Rule rule, String path) {
        String filled = path;
        for (var param : rule.pathParams.entrySet()) {
            filled = filled.replace("{" + param.getKey() + "}", fixture.ids.get(param.getValue()));
        }
        return filled;
    }

    private static boolean matches(Outcome expected, Response response) {
        int status = response.statusCode();
        boolean ok = status >= 200 && status < 300;
        boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
        return switch (expected) {
            case OK -> ok;
            case FOUND -> ok && items(response) > 0;
            case HIDDEN -> (status == 403 && problem) || (ok && items(response) == 0);
            case FORBIDDEN -> status == 403 && problem;
            case UNAUTHORIZED -> status == 401 && problem;
            case SKIP -> true;
        };
    }

    private static int items(Response response) {
        Object body = response.jsonPath().get("$");
        if (body instanceof List<?> list) {
            return list.size();
        }
        List<?> items = response.jsonPath().getList("items");
        return items == null ? 0 : items.size();
    }
}
