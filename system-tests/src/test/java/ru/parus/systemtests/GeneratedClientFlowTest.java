package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.parus.clients.customer.api.CustomersApi;
import ru.parus.clients.customer.model.CreateCustomerRequest;
import ru.parus.clients.customer.model.CustomerView;
import ru.parus.clients.order.api.CrossSellMapApi;
import ru.parus.clients.order.api.OrdersApi;
import ru.parus.clients.order.api.UpsellApi;
import ru.parus.clients.order.model.Kind;
import ru.parus.clients.order.model.LineRequest;
import ru.parus.clients.order.model.OrderPage;
import ru.parus.clients.order.model.OrderSummary;
import ru.parus.clients.order.model.OrderView;
import ru.parus.clients.order.model.PlaceOrderRequest;
import ru.parus.clients.order.model.RuleRequest;
import ru.parus.clients.order.model.RuleView;
import ru.parus.clients.order.model.SuggestionView;
import ru.parus.clients.order.model.Suggestions;
import ru.parus.infra.test.TestInfra;

/**
 * The clients generated from the services' OpenAPI documents (module {@code clients}) drive a phone order against
 * the running stack: a customer registered in customer-service, two cross-sell rules and a phone order with an
 * Idempotency-Key in order-service, then the order's suggestions (R7). If a document stops matching what its service answers (a
 * renamed field, an enum value the document does not list, a changed path), the typed calls here fail.
 * Every call here uses the generated methods' typed return values (issue 14: every success response documents its
 * body), and the Accept header is the one the generated client sends.
 */
@ExtendWith(RunningStack.class)
class GeneratedClientFlowTest {

    @Test
    void aPhoneOrderWithSuggestionsThroughTheGeneratedJavaClients() throws Exception {
        String head = TestInfra.token("head-1", "HEAD");
        String manager = TestInfra.token("manager-1", "MANAGER");
        CustomersApi customers = new CustomersApi(customerClient(head));
        CrossSellMapApi crossSell = new CrossSellMapApi(orderClient(head));
        OrdersApi orders = new OrdersApi(orderClient(manager));
        UpsellApi upsell = new UpsellApi(orderClient(manager));

        // a number and an e-mail no other test uses: a second customer with them would be a 409
        String digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        CustomerView created = customers.customerResourceCreate(new CreateCustomerRequest()
                .name("Ольга Иванова")
                .phone("8 (921) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5))
                .email("olga." + digits + "@example.org")
                .type("ATHLETE"), null);
        UUID customerId = created.getId();
        assertEquals("+7921" + digits, created.getPhone(), "the answer to the registration shows the stored phone");
        assertEquals(0L, created.getVersion(), "a new customer's first version");

        CustomerView customer = customers.customerResourceGet(customerId);
        assertEquals(customerId, customer.getId());
        assertEquals("Ольга Иванова", customer.getName());
        assertEquals("+7921" + digits, customer.getPhone(), "stored in E.164");
        assertEquals("ATHLETE", customer.getType());

        // R8: the head's cross-sell map offers a shaker with the protein and omega-3 with the creatine (the stack
        // starts with an empty map; at the top priority these outrank whatever other tests have added)
        RuleView shaker = crossSell.crossSellRuleResourceCreate(new RuleRequest().kind(Kind.WITH_PRODUCT)
                .triggerSku("WHEY-CHOC-900").offerSku("SHAKER-700").priority(1000));
        crossSell.crossSellRuleResourceCreate(new RuleRequest().kind(Kind.WITH_PRODUCT).triggerSku("CREA-MONO-300")
                .offerSku("OMEGA3-90").priority(1000));
        RuleView read = crossSell.crossSellRuleResourceGet(shaker.getId());
        assertEquals("WHEY-CHOC-900", read.getTriggerSku());
        assertEquals("SHAKER-700", read.getOfferSku());
        assertEquals(1000, read.getPriority());

        PlaceOrderRequest phoneOrder = new PlaceOrderRequest().customerId(customerId)
                .lines(List.of(new LineRequest().sku("WHEY-CHOC-900").quantity(2),
                        new LineRequest().sku("CREA-MONO-300").quantity(1)));
        String key = UUID.randomUUID().toString();
        OrderView placed = orders.orderResourcePlace(phoneOrder, key);
        UUID orderId = placed.getId();
        assertEquals(customerId, placed.getCustomerId());
        assertEquals("NEW", placed.getStatus());
        assertEquals(List.of("WHEY-CHOC-900 x2 = 498000", "CREA-MONO-300 x1 = 51000"), placed.getLines().stream()
                .map(l -> l.getSku() + " x" + l.getQuantity() + " = " + l.getLineTotalKopecks()).toList());

        // the same Idempotency-Key again: the same order, marked as a replay, not a second one
        var replayed = orders.orderResourcePlaceWithHttpInfo(phoneOrder, key);
        assertEquals(orderId, replayed.getData().getId());
        assertEquals(List.of("true"), replayed.getHeaders().get("Idempotent-Replayed"));

        OrderView order = orders.orderResourceGet(orderId);
        assertEquals(placed.getVersion(), order.getVersion());
        assertEquals(549_000L, order.getTotalKopecks());
        assertTrue(order.getAllowedNext().contains("CANCELLED"), "a NEW order may be cancelled: " + order.getAllowedNext());

        OrderPage page = orders.orderResourceList(null, customerId.toString(), null, null, null, null, null, null);
        assertEquals(1L, page.getTotal(), "one order for the customer despite the retry");
        OrderSummary summary = page.getItems().get(0);
        assertEquals(orderId, summary.getId());
        assertEquals(customerId, summary.getCustomerId());
        assertEquals("PHONE", summary.getChannel());
        assertEquals("NEW", summary.getStatus());
        assertEquals("manager-1", summary.getManagerId());
        // priced by the catalogue: 2 x 249 000 + 51 000 kopecks
        assertEquals(549_000L, summary.getTotalKopecks());
        assertEquals(0L, summary.getDiscountKopecks());
        assertEquals(549_000L, summary.getPayableKopecks());
        assertEquals("RUB", summary.getCurrency());

        Suggestions suggestions = upsell.suggestionResourceSuggestions(orderId);
        assertEquals(orderId, suggestions.getOrderId());
        List<SuggestionView> items = suggestions.getItems();
        assertTrue(items.size() >= 2 && items.size() <= 3, "R7: 2-3 suggestions, got " + items);
        for (SuggestionView s : items) {
            assertFalse(Set.of("WHEY-CHOC-900", "CREA-MONO-300").contains(s.getSku()), "not already in the order: " + s);
            assertTrue(s.getReason() != null && !s.getReason().isBlank(), "a reason code: " + s);
            assertTrue(s.getPriceKopecks() != null && s.getPriceKopecks() > 0, "a catalogue price: " + s);
        }
        assertEquals(items.size(), items.stream().map(SuggestionView::getSku).distinct().count(), "no SKU twice");
        List<String> offered = items.stream().map(i -> i.getSku() + " " + i.getReason()).toList();
        assertTrue(offered.containsAll(List.of("SHAKER-700 GOES_WITH:WHEY-CHOC-900", "OMEGA3-90 GOES_WITH:CREA-MONO-300")),
                "the map's two offers, each with the SKU that brought it: " + offered);
        assertEquals(39_000L, items.stream().filter(i -> i.getSku().equals("SHAKER-700")).findFirst().orElseThrow()
                .getPriceKopecks(), "the shaker at its catalogue price");
    }

    /** Each service's client has its own ApiClient; the bearer token goes on every request. */
    private static ru.parus.clients.order.ApiClient orderClient(String token) {
        ru.parus.clients.order.ApiClient client = new ru.parus.clients.order.ApiClient();
        client.updateBaseUri(url(ORDER));
        client.setRequestInterceptor(request -> authorize(request, token));
        return client;
    }

    private static ru.parus.clients.customer.ApiClient customerClient(String token) {
        ru.parus.clients.customer.ApiClient client = new ru.parus.clients.customer.ApiClient();
        client.updateBaseUri(url(CUSTOMER));
        client.setRequestInterceptor(request -> authorize(request, token));
        return client;
    }

    /** What every request carries besides what the generated client sends: the bearer token. */
    private static void authorize(HttpRequest.Builder request, String token) {
        request.header("Authorization", "Bearer " + token);
    }
}
