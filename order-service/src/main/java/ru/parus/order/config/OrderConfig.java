package ru.parus.order.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import ru.parus.order.domain.DeliveryMethod;

@ConfigMapping(prefix = "parus.order")
public interface OrderConfig {
    /** GET /orders/{id}/stream: how often an open stream reads the order's status changes (every replica's). */
    @WithDefault("250ms")
    Duration streamPollEvery();

    /** GET /orders/{id}/stream: a comment line after this long without an event, so proxies keep the connection. */
    @WithDefault("15s")
    Duration streamHeartbeatEvery();

    /** GET /orders/{id}/stream: at most this many changes per read. */
    @WithDefault("100")
    int streamMaxPerPoll();

    /** Guards against runaway requests: more lines than any real phone order has. */
    @WithDefault("100")
    int maxLines();

    @WithDefault("999")
    int maxLineQuantity();

    /**
     * Connections of the reactive PostgreSQL client that places phone orders (issue 15), beside the JDBC pool the
     * rest of the service uses. Each holds one placement's transaction at a time; statements are pipelined.
     */
    @WithDefault("10")
    int placementPoolSize();

    @WithDefault("RUB")
    String currency();

    /** The zone of "today" for delivery dates (R5: a delivery date in the past is refused). */
    @WithDefault("Europe/Moscow")
    String zone();

    /** Region assumed for phone numbers written without a country code. */
    @WithDefault("RU")
    String defaultPhoneRegion();

    /** R15: an ONLINE order unpaid this long after placement is overdue ("hanging" customer). */
    @WithDefault("P2D")
    Duration paymentOverdueAfter();

    /** R15: how often the unpaid-order scan runs (the {@code @Scheduled} reads the same key). */
    @WithDefault("5s")
    String paymentOverdueScanEvery();

    /** R4: which delivery methods each payment method allows. */
    Compatibility compatibility();

    /** R3: storefront intake. */
    Storefront storefront();

    /** R15: the payment provider's callback. */
    PaymentProvider paymentProvider();

    interface Compatibility {
        @WithDefault("COURIER,PICKUP_POINT,TRANSPORT_COMPANY,RUSSIAN_POST")
        List<DeliveryMethod> online();

        @WithName("cash-to-courier")
        @WithDefault("COURIER")
        List<DeliveryMethod> cashToCourier();

        @WithName("at-pickup-point")
        @WithDefault("PICKUP_POINT")
        List<DeliveryMethod> atPickupPoint();

        @WithName("at-transport-company")
        @WithDefault("TRANSPORT_COMPANY")
        List<DeliveryMethod> atTransportCompany();

        @WithName("post-cod")
        @WithDefault("RUSSIAN_POST")
        List<DeliveryMethod> postCod();
    }

    interface Storefront {
        /** HMAC-SHA256 secret per storefront code (LACTOMIN, WATTN); a storefront without one is refused. */
        Map<String, String> secrets();

        /** The header carrying the hex HMAC-SHA256 of the raw body. */
        @WithDefault("X-Parus-Signature")
        String signatureHeader();
    }

    interface PaymentProvider {
        /** HMAC-SHA256 secret shared with the payment provider. */
        String secret();

        @WithDefault("X-Payment-Signature")
        String signatureHeader();
    }
}
