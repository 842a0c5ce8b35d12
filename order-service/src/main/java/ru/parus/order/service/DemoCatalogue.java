package ru.parus.order.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import ru.parus.order.config.CatalogueConfig;
import ru.parus.order.domain.CrossSellRule;
import ru.parus.order.domain.ProductFamily;

/**
 * The local stack's demo catalogue (R1, R2, R8): {@value #RESOURCE}, loaded at start-up when
 * {@code parus.catalogue.demo-data=true}; an idempotent upsert by SKU, so a restart changes nothing.
 */
@ApplicationScoped
public class DemoCatalogue {
    static final String RESOURCE = "catalogue/demo-catalogue.json";
    static final String LOADER = "demo-data";
    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class);

    @Inject
    CatalogueConfig config;
    @Inject
    CatalogueService catalogue;
    @Inject
    CrossSellMapService crossSell;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;
    @Inject
    ru.parus.order.repository.CrossSellRuleRepository crossSellRules;

    public record Variant(String sku, String flavour, String size, long priceKopecks, int stock, Boolean active,
            Integer servingsPerPack, java.math.BigDecimal dailyServings) {
    }

    public record Item(String name, String purpose, String usageRules, String category, List<String> storefronts,
            List<ProductFamily.Certificate> certificates, OffsetDateTime newFrom, OffsetDateTime newUntil,
            OffsetDateTime featuredFrom, OffsetDateTime featuredUntil, List<Variant> variants) {
    }

    public record Rule(CrossSellRule.Kind kind, String triggerSku, String customerType, String offerSku, int priority,
            OffsetDateTime validFrom, OffsetDateTime validUntil) {
    }

    public record Data(List<Item> products, List<Rule> crossSell) {
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demoData()) {
            LOG.infof("demo catalogue loaded: %s", load());
        }
    }

    public Data read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return mapper.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Counts of CREATED / UPDATED / UNCHANGED products and of rules added. */
    @Transactional
    public Map<String, Integer> load() {
        Data data = read();
        Map<String, Integer> counts = new TreeMap<>();
        for (Item i : data.products()) {
            String outcome = catalogue.upsert(new CatalogueService.ProductCommand(i.name(), i.purpose(), i.usageRules(),
                    i.category(), i.storefronts(), i.certificates(), i.newFrom(), i.newUntil(), i.featuredFrom(),
                    i.featuredUntil(), i.variants().stream().map(v -> new CatalogueService.VariantCommand(v.sku(),
                            v.flavour(), v.size(), v.priceKopecks(), v.stock(), v.active() == null || v.active(), v.servingsPerPack(),
                            v.dailyServings())).toList()),
                    LOADER);
            counts.merge(outcome, 1, Integer::sum);
        }
        for (Rule r : data.crossSell()) {
            long existing = crossSellRules.countLike(r.kind(), r.offerSku(), r.triggerSku(), r.customerType());
            if (existing == 0) {
                crossSell.create(new CrossSellMapService.RuleCommand(r.kind(), r.triggerSku(), r.customerType(),
                        r.offerSku(), r.priority(), r.validFrom(), r.validUntil(), "demo"), LOADER);
                counts.merge("RULES_ADDED", 1, Integer::sum);
            }
        }
        return counts;
    }
}
