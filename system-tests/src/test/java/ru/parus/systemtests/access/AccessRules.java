package ru.parus.systemtests.access;

import static ru.parus.systemtests.RunningStack.CALLCENTER;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.FULFILLMENT;
import static ru.parus.systemtests.RunningStack.NOTIFICATION;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.access.Rule.Profile.ADMIN_CHANGE;
import static ru.parus.systemtests.access.Rule.Profile.ADMIN_READ;
import static ru.parus.systemtests.access.Rule.Profile.CHANGE;
import static ru.parus.systemtests.access.Rule.Profile.FULFILMENT_CHANGE;
import static ru.parus.systemtests.access.Rule.Profile.FULFILMENT_LIST;
import static ru.parus.systemtests.access.Rule.Profile.FULFILMENT_READ;
import static ru.parus.systemtests.access.Rule.Profile.HEAD_CHANGE;
import static ru.parus.systemtests.access.Rule.Profile.HEAD_READ;
import static ru.parus.systemtests.access.Rule.Profile.LIST;
import static ru.parus.systemtests.access.Rule.Profile.READ;
import static ru.parus.systemtests.access.Rule.Profile.STREAM;
import static ru.parus.systemtests.access.Rule.Profile.WAREHOUSE_CHANGE;

import java.util.List;
import java.util.Map;

/**
 * The policy of every operation that takes a customer, order, shipment, call, task, message, escalation, feedback or
 * discount-request id (R22, R24). {@link AccessMatrixTest} finds the operations in the services' OpenAPI documents: one
 * that is neither here nor in {@link #EXEMPT} fails the test, so a new endpoint cannot ship without a policy.
 */
final class AccessRules {
    /** Operations that take an id of something that is not a customer's (catalogue, scripts, staff): why each. */
    static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry("order-service GET /catalogue/products/{id}", "catalogue: no customer data"),
            Map.entry("order-service PUT /catalogue/products/{id}", "catalogue: no customer data"),
            Map.entry("order-service GET /cross-sell-rules/{id}", "catalogue rules: no customer data"),
            Map.entry("order-service PUT /cross-sell-rules/{id}", "catalogue rules: no customer data"),
            Map.entry("order-service DELETE /cross-sell-rules/{id}", "catalogue rules: no customer data"),
            Map.entry("order-service POST /storefront/{storefront}/orders", "storefront intake: signed, no staff"),
            Map.entry("order-service GET /promo-codes/{code}", "promo codes: no customer data"),
            Map.entry("order-service PUT /promo-codes/{code}", "promo codes: no customer data"),
            Map.entry("order-service GET /catalogue/categories/{category}/replenishment", "catalogue policy (R25): no customer data"),
            Map.entry("order-service PUT /catalogue/categories/{category}/replenishment", "catalogue policy (R25): no customer data"),
            Map.entry("callcenter-service GET /campaigns/{id}/report", "campaign figures: no personal data"),
            Map.entry("callcenter-service GET /kpi/targets/{month}", "targets: no customer data"),
            Map.entry("callcenter-service PUT /kpi/targets/{month}", "targets: no customer data"),
            Map.entry("callcenter-service GET /scripts/{code}", "approved scripts: no customer data"),
            Map.entry("callcenter-service GET /scripts/{code}/versions", "approved scripts: no customer data"),
            Map.entry("callcenter-service POST /scripts/{code}/versions", "approved scripts: no customer data"),
            Map.entry("callcenter-service POST /scripts/{code}/versions/{version}/approve", "scripts: no customer data"),
            Map.entry("callcenter-service GET /staff/{id}", "staff directory: no customer data"),
            Map.entry("callcenter-service PUT /staff/{id}", "staff directory: no customer data"),
            Map.entry("callcenter-service GET /staff/{id}/absences", "staff directory: no customer data"),
            Map.entry("callcenter-service POST /staff/{id}/absences", "staff directory: no customer data"),
            Map.entry("callcenter-service DELETE /staff/{id}/absences/{absenceId}", "staff directory: no customer data"),
            Map.entry("notification-service GET /templates/{kind}/{channel}/preview", "templates: sample data only"));

    private AccessRules() {
    }

    static List<Rule> all() {
        return List.of(
                // customer-service
                new Rule(CUSTOMER, "GET", "/customers/{id}", READ).path("id", "customer"),
                new Rule(CUSTOMER, "GET", "/customers/{id}/contacts", READ).path("id", "customer"),
                new Rule(CUSTOMER, "GET", "/customers/{id}/consents", READ).path("id", "customer"),
                new Rule(CUSTOMER, "GET", "/customers/{id}/timeline", READ).path("id", "customer"),
                new Rule(CUSTOMER, "GET", "/customers/{id}/access-log", HEAD_READ).path("id", "customer"),
                new Rule(CUSTOMER, "GET", "/access-log", ADMIN_READ).query("customerId", "customer"),
                new Rule(CUSTOMER, "PATCH", "/customers/{id}", CHANGE).path("id", "customer")
                        .body("{\"tags\":[\"матрица\"]}").ifMatchOf("/customers/{id}"),
                new Rule(CUSTOMER, "POST", "/customers/{id}/notes", CHANGE).path("id", "customer")
                        .body("{\"text\":\"заметка\"}"),
                new Rule(CUSTOMER, "PUT", "/customers/{id}/consents", CHANGE).path("id", "customer")
                        .body("{\"consents\":[{\"channel\":\"SMS\",\"granted\":true,\"method\":\"CALL\"}]}")
                        .ifMatchOf("/customers/{id}"),
                new Rule(CUSTOMER, "PUT", "/customers/{id}/contacts", CHANGE).path("id", "customer")
                        .body("{\"contacts\":[{\"kind\":\"PHONE\",\"value\":\"+79990001122\",\"primary\":true}]}")
                        .ifMatchOf("/customers/{id}"),
                new Rule(CUSTOMER, "POST", "/customers/{id}/merge", HEAD_CHANGE).path("id", "customer")
                        .body("{\"mergedCustomerId\":\"00000000-0000-4000-8000-000000000000\"}"),
                new Rule(CUSTOMER, "POST", "/customers/{id}/erasure", ADMIN_CHANGE).path("id", "customer")
                        .body("{\"requestReference\":\"matrix\"}"),
                // order-service
                new Rule(ORDER, "GET", "/orders/{id}", READ).path("id", "order"),
                new Rule(ORDER, "GET", "/orders/{id}/history", READ).path("id", "order"),
                new Rule(ORDER, "GET", "/orders/{id}/stream", STREAM).path("id", "order"),
                new Rule(ORDER, "GET", "/orders/{id}/offers", READ).path("id", "order"),
                new Rule(ORDER, "GET", "/orders/{id}/suggestions", READ).path("id", "order"),
                new Rule(ORDER, "GET", "/orders/{id}/discount-requests", READ).path("id", "order"),
                new Rule(ORDER, "GET", "/customers/{customerId}/bonus", READ).path("customerId", "customer"),
                new Rule(ORDER, "GET", "/orders", LIST).query("customerId", "customer"),
                new Rule(ORDER, "POST", "/orders/{id}/offers", CHANGE).path("id", "order")
                        .body("{\"sku\":\"SHAKER-700\",\"answer\":\"ACCEPTED\"}"),
                new Rule(ORDER, "POST", "/orders/{id}/discount", CHANGE).path("id", "order")
                        .body("{\"percent\":3,\"reason\":\"матрица\"}"),
                new Rule(ORDER, "POST", "/orders/{id}/promo-code", CHANGE).path("id", "order")
                        .body("{\"code\":\"MATRIX\"}"),
                new Rule(ORDER, "POST", "/orders/{id}/bonus", CHANGE).path("id", "order").body("{\"points\":10}"),
                new Rule(ORDER, "POST", "/orders/{id}/cancel", CHANGE).path("id", "order")
                        .body("{\"reason\":\"матрица\",\"managerError\":false}"),
                new Rule(ORDER, "POST", "/orders/{id}/confirm", CHANGE).path("id", "order"),
                new Rule(ORDER, "POST", "/orders/{id}/transitions", FULFILMENT_CHANGE).path("id", "confirmedOrder")
                        .body("{\"to\":\"IN_FULFILLMENT\",\"reason\":\"матрица\"}"),
                new Rule(ORDER, "PUT", "/orders/{id}/terms", CHANGE).path("id", "order")
                        .body("{\"paymentMethod\":\"CASH_TO_COURIER\",\"deliveryMethod\":\"PICKUP_POINT\"}")
                        .ifMatchOf("/orders/{id}"),
                new Rule(ORDER, "POST", "/discount-requests/{id}/approve", HEAD_CHANGE).path("id", "discountRequest")
                        .body("{\"reason\":\"матрица\"}"),
                new Rule(ORDER, "POST", "/discount-requests/{id}/reject", HEAD_CHANGE).path("id", "discountRequest")
                        .body("{\"reason\":\"матрица\"}"),
                // fulfillment-service
                new Rule(FULFILLMENT, "GET", "/shipments/{id}", FULFILMENT_READ).path("id", "shipment"),
                new Rule(FULFILLMENT, "GET", "/shipments/{id}/packing-list.pdf", FULFILMENT_READ).path("id", "shipment"),
                new Rule(FULFILLMENT, "GET", "/shipments/{id}/shipping-document.pdf", FULFILMENT_READ)
                        .path("id", "shipment"),
                new Rule(FULFILLMENT, "GET", "/shipments", FULFILMENT_LIST).query("orderId", "confirmedOrder"),
                new Rule(FULFILLMENT, "POST", "/shipments/{id}/reports", WAREHOUSE_CHANGE).path("id", "shipment")
                        .body("{\"reportId\":\"mx-never\",\"kind\":\"PICKED\",\"occurredAt\":\"2026-12-01T10:00:00Z\"}"),
                // callcenter-service
                new Rule(CALLCENTER, "GET", "/calls/{id}", READ).path("id", "call"),
                new Rule(CALLCENTER, "GET", "/calls", LIST).query("customerId", "customer"),
                new Rule(CALLCENTER, "GET", "/tasks/{id}", READ).path("id", "task"),
                new Rule(CALLCENTER, "GET", "/reach-rates", READ).query("customerId", "customer"),
                new Rule(CALLCENTER, "GET", "/escalations/{id}", HEAD_READ).path("id", "escalation"),
                new Rule(CALLCENTER, "POST", "/calls/{id}/escalate", CHANGE).path("id", "call")
                        .body("{\"reason\":\"матрица\"}"),
                new Rule(CALLCENTER, "POST", "/tasks/{id}/complete", CHANGE).path("id", "task")
                        .body("{\"outcome\":\"REACHED_AGREED\",\"note\":\"матрица\"}"),
                new Rule(CALLCENTER, "POST", "/escalations/{id}/resolve", HEAD_CHANGE).path("id", "escalation")
                        .body("{\"resolution\":\"матрица\"}"),
                new Rule(CALLCENTER, "POST", "/feedback/{id}/answer", CHANGE).path("id", "feedback")
                        .body("{\"answer\":\"матрица\",\"justified\":false}"),
                // notification-service
                new Rule(NOTIFICATION, "GET", "/messages/{id}", READ).path("id", "message"),
                new Rule(NOTIFICATION, "GET", "/messages", LIST).query("customerId", "customer"));
    }
}
