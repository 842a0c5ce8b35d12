package ru.parus.order.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.order.service.CatalogueService;
import ru.parus.order.service.DemoCatalogue;

/** The local stack's demo catalogue; loaded here in a transaction that is rolled back, so other tests never see it. */
@QuarkusTest
class DemoCatalogueTest {
    /** V3's prices, which the order tests rely on. */
    static final Map<String, Long> FIRST_FLOW = Map.of("WHEY-CHOC-900", 249000L, "WHEY-VAN-2270", 549000L,
            "CASEIN-STR-900", 279000L, "GAIN-BAN-3000", 319000L, "CREA-MONO-300", 51000L, "BCAA-211-400", 149000L,
            "VIT-D3-120", 69000L, "OMEGA3-90", 89000L, "BAR-PROT-60", 12000L, "SHAKER-700", 39000L);

    @Inject
    DemoCatalogue demo;
    @Inject
    CatalogueService catalogue;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Test
    void R1_R2_R8_theDemoCatalogueIsARealisticStoreOfBothStorefronts() {
        DemoCatalogue.Data data = demo.read();
        assertTrue(data.products().size() >= 40, data.products().size() + " products");
        assertEquals(Set.of("LACTOMIN", "WATTN"), data.products().stream().flatMap(p -> p.storefronts().stream())
                .collect(Collectors.toSet()));
        Set<String> categories = data.products().stream().map(DemoCatalogue.Item::category).collect(Collectors.toSet());
        assertTrue(categories.containsAll(Set.of("PROTEIN", "GAINER", "AMINO_ACIDS", "CREATINE", "VITAMINS", "BARS",
                "ACCESSORIES")), categories.toString());
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertTrue(data.products().stream().anyMatch(p -> p.featuredFrom() != null && p.featuredFrom().isBefore(now)));
        assertTrue(data.products().stream().anyMatch(p -> p.newFrom() != null && p.newFrom().isBefore(now)));
        Map<String, Long> prices = new HashMap<>();
        data.products().forEach(p -> p.variants().forEach(v -> prices.put(v.sku(), v.priceKopecks())));
        FIRST_FLOW.forEach((sku, price) -> assertEquals(price, prices.get(sku), sku));
        assertTrue(data.crossSell().size() >= 20);
        assertTrue(data.crossSell().stream().allMatch(r -> prices.containsKey(r.offerSku())
                && (r.triggerSku() == null || prices.containsKey(r.triggerSku()))));
    }

    @Test
    void R1_loadingTheDemoCatalogueTwiceChangesNothingTheSecondTime() {
        QuarkusTransaction.begin();
        try {
            Map<String, Integer> first = demo.load();
            assertTrue(first.getOrDefault("CREATED", 0) >= 40, first.toString());
            assertTrue(first.getOrDefault("RULES_ADDED", 0) >= 20, first.toString());
            Map<String, Integer> second = demo.load();
            assertEquals(Map.of("UNCHANGED", first.get("CREATED")), second, "idempotent upsert by SKU");
            FIRST_FLOW.forEach((sku, price) -> assertEquals(price, ((Number) em.createNativeQuery(
                    "SELECT price_kopecks FROM product WHERE sku = ?1").setParameter(1, sku).getSingleResult()).longValue(), sku));
            var featured = catalogue.search(new CatalogueService.Search(null, null, "WATTN", null, true, true, 0, 100));
            assertTrue(featured.total() > 0);
            var proteins = catalogue.search(new CatalogueService.Search("протеин", "PROTEIN", null, null, null, null, 0, 100));
            assertTrue(proteins.total() >= 5, proteins.total() + " proteins");
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
