package ru.parus.order.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import ru.parus.order.domain.Product;
import ru.parus.order.domain.ProductFamily;

/** docs/events/ProductChanged.v1.schema.json: the product's full state after the change (R1, R2). */
public record ProductChanged(UUID productId, String change, long version, String name, String purpose,
        String usageRules, String category, List<String> storefronts, List<ProductFamily.Certificate> certificates,
        OffsetDateTime newFrom, OffsetDateTime newUntil, OffsetDateTime featuredFrom, OffsetDateTime featuredUntil,
        OffsetDateTime changedAt, String changedBy, List<Variant> variants) {

    /** servingsPerPack and dailyServings (R25): both null when the variant's consumption is not known. */
    public record Variant(String sku, String name, String flavour, String size, long priceKopecks, String currency,
            int stock, boolean active, Integer servingsPerPack, BigDecimal dailyServings) {
    }

    public static ProductChanged of(ProductFamily f, List<Product> variants, String change, String by, String currency) {
        return new ProductChanged(f.id, change, f.version, f.name, f.purpose, f.usageRules, f.category,
                List.copyOf(f.storefronts), List.copyOf(f.certificates), f.newFrom, f.newUntil, f.featuredFrom,
                f.featuredUntil, f.updatedAt, by,
                variants.stream().map(v -> new Variant(v.sku, v.name, v.flavour, v.size, v.priceKopecks, currency,
                        v.stock, v.active, v.servingsPerPack,
                        v.dailyServingsPlain())).toList());
    }
}
