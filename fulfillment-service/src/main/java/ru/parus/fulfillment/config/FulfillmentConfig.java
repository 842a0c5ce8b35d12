package ru.parus.fulfillment.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Fulfilment's settings: the carrier of each delivery method and its tracking-number format (R12), list paging. */
@ConfigMapping(prefix = "parus.fulfillment")
public interface FulfillmentConfig {
    /** Key: an R4 delivery method ({@code COURIER}, {@code PICKUP_POINT}, {@code TRANSPORT_COMPANY}, {@code RUSSIAN_POST}). */
    Map<String, Carrier> carriers();

    @WithDefault("RUB")
    String currency();

    /** The largest page of the shipment list ({@code size} of {@code GET /shipments}). */
    @WithDefault("100")
    int maxPageSize();

    interface Carrier {
        String code();

        String name();

        /** {@code RUSSIAN_POST}: 14-digit domestic or S10 international; {@code PATTERN}: {@link #trackingPattern}. */
        @WithDefault("PATTERN")
        TrackingFormat trackingFormat();

        /** A Java regular expression the whole tracking number must match, for {@code PATTERN}. */
        Optional<String> trackingPattern();
    }

    enum TrackingFormat {
        RUSSIAN_POST, PATTERN
    }
}
