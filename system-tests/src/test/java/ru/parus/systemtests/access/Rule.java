package ru.parus.systemtests.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation of the access matrix: which service, method and path (as the OpenAPI document writes it), which
 * fixture record fills each path or query parameter, the body of a change, and what each caller must get.
 */
final class Rule {
    final String service;
    final String method;
    final String path;
    final Profile profile;
    final Map<String, String> pathParams = new LinkedHashMap<>();
    final Map<String, String> queryParams = new LinkedHashMap<>();
    String body;
    /** a path whose ETag (read by the head) goes into If-Match, for changes that need one */
    String etagFrom;

    Rule(String service, String method, String path, Profile profile) {
        this.service = service;
        this.method = method;
        this.path = path;
        this.profile = profile;
    }

    /** The key that matches the OpenAPI operation: "GET /orders/{id}", or "GET /calls?customerId" for a list. */
    String key() {
        return method + " " + path + (queryParams.isEmpty() ? "" : "?" + String.join("&", queryParams.keySet()));
    }

    Rule path(String param, String record) {
        pathParams.put(param, record);
        return this;
    }

    Rule query(String param, String record) {
        queryParams.put(param, record);
        return this;
    }

    Rule body(String json) {
        this.body = json;
        return this;
    }

    Rule ifMatchOf(String path) {
        this.etagFrom = path;
        return this;
    }

    @Override
    public String toString() {
        return service + " " + key();
    }

    /** What each caller must get (R22, R24). */
    enum Profile {
        /** a customer's data, orders, calls, tasks, messages: owner, deputy during the absence, head; 403 otherwise */
        READ(Outcome.OK, Outcome.FORBIDDEN, Outcome.OK, Outcome.FORBIDDEN, Outcome.OK, Outcome.FORBIDDEN),
        /** shipments and their papers: as READ, and the warehouse too */
        FULFILMENT_READ(Outcome.OK, Outcome.FORBIDDEN, Outcome.OK, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK),
        /** a server-sent-event stream: only the denied callers are run (an accepted stream never ends) */
        STREAM(Outcome.SKIP, Outcome.FORBIDDEN, Outcome.SKIP, Outcome.FORBIDDEN, Outcome.SKIP, Outcome.FORBIDDEN),
        /** a list filtered by a customer or order: another manager gets 403 or nothing of it */
        LIST(Outcome.FOUND, Outcome.HIDDEN, Outcome.FOUND, Outcome.HIDDEN, Outcome.FOUND, Outcome.FORBIDDEN),
        FULFILMENT_LIST(Outcome.FOUND, Outcome.HIDDEN, Outcome.FOUND, Outcome.HIDDEN, Outcome.FOUND, Outcome.FOUND),
        /** read by the head's roles only */
        HEAD_READ(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK,
                Outcome.FORBIDDEN),
        /** read by ADMIN only (none of the callers here) */
        ADMIN_READ(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN),
        /** a change of the owner's record: denied to the others (the permitted callers are not run: side effects) */
        CHANGE(Outcome.SKIP, Outcome.FORBIDDEN, Outcome.SKIP, Outcome.FORBIDDEN, Outcome.SKIP, Outcome.FORBIDDEN),
        /** a change of an order's fulfilment status: the warehouse makes it for every order (not run: side effects) */
        FULFILMENT_CHANGE(Outcome.SKIP, Outcome.FORBIDDEN, Outcome.SKIP, Outcome.FORBIDDEN, Outcome.SKIP, Outcome.SKIP),
        /** a change only the head (or admin) makes */
        HEAD_CHANGE(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.SKIP,
                Outcome.FORBIDDEN),
        /** a change only ADMIN makes */
        ADMIN_CHANGE(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN),
        /** a change only the warehouse makes */
        WAREHOUSE_CHANGE(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.SKIP);

        private final Map<Caller, Outcome> outcomes = new LinkedHashMap<>();

        Profile(Outcome owner, Outcome other, Outcome deputy, Outcome deputyAfter, Outcome head, Outcome warehouse) {
            outcomes.put(Caller.OWNER, owner);
            outcomes.put(Caller.OTHER, other);
            outcomes.put(Caller.DEPUTY, deputy);
            outcomes.put(Caller.DEPUTY_AFTER, deputyAfter);
            outcomes.put(Caller.HEAD, head);
            outcomes.put(Caller.WAREHOUSE, warehouse);
            outcomes.put(Caller.NONE, Outcome.UNAUTHORIZED);
        }

        Outcome expected(Caller caller) {
            return outcomes.get(caller);
        }
    }

    enum Outcome {
        /** 2xx */
        OK,
        /** 2xx with at least one item */
        FOUND,
        /** 403, or a 2xx without any item */
        HIDDEN,
        FORBIDDEN,
        UNAUTHORIZED,
        /** not called */
        SKIP
    }
}
