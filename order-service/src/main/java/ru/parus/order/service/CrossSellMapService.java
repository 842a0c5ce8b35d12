package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.CrossSellRule;
import ru.parus.order.domain.Product;
import ru.parus.order.event.CatalogueEvents;
import ru.parus.order.repository.CrossSellRuleRepository;
import ru.parus.order.repository.ProductRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** The cross-sell map (R8): data edited by the head, read by the suggestions (R7). */
@ApplicationScoped
@Transactional
public class CrossSellMapService {
    @Inject
    CrossSellRuleRepository rules;
    @Inject
    ProductRepository products;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public record RuleCommand(CrossSellRule.Kind kind, String triggerSku, String customerType, String offerSku,
            int priority, OffsetDateTime validFrom, OffsetDateTime validUntil, String note) {
    }

    /** docs/events/CrossSellRuleChanged.v1.schema.json */
    public record CrossSellRuleChanged(UUID ruleId, String change, long version, String kind, String triggerSku,
            String customerType, String offerSku, int priority, OffsetDateTime validFrom, OffsetDateTime validUntil,
            String changedBy, OffsetDateTime changedAt) {
        static CrossSellRuleChanged of(CrossSellRule r, String change) {
            return new CrossSellRuleChanged(r.id, change, r.version, r.kind.name(), r.triggerSku, r.customerType,
                    r.offerSku, r.priority, r.validFrom, r.validUntil, r.updatedBy, r.updatedAt);
        }
    }

    public CrossSellRule create(RuleCommand c, String by) {
        validate(c);
        CrossSellRule rule = new CrossSellRule();
        rule.id = UUID.randomUUID();
        apply(rule, c, by);
        rules.persist(rule);
        return publish(rule, "CREATED");
    }

    public CrossSellRule update(UUID id, long expectedVersion, RuleCommand c, String by) {
        CrossSellRule rule = find(id);
        checkVersion(rule, expectedVersion);
        validate(c);
        apply(rule, c, by);
        return publish(rule, "UPDATED");
    }

    public void delete(UUID id, long expectedVersion, String by) {
        CrossSellRule rule = find(id);
        checkVersion(rule, expectedVersion);
        rule.updatedBy = by;
        rule.updatedAt = OffsetDateTime.now(clock);
        outbox.publish(CatalogueEvents.TOPIC, "CrossSellRule", rule.id, CatalogueEvents.CROSS_SELL_RULE_CHANGED,
                CrossSellRuleChanged.of(rule, "DELETED"));
        rules.delete(rule);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CrossSellRule find(UUID id) {
        return rules.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Cross-sell rule", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CrossSellRule> list(CrossSellRule.Kind kind, String sku, String customerType, int page, int size) {
        return query(kind, sku, customerType).page(Page.of(page, size)).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(CrossSellRule.Kind kind, String sku, String customerType) {
        return query(kind, sku, customerType).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<CrossSellRule> query(CrossSellRule.Kind kind, String sku,
            String customerType) {
        return rules.matching(kind, sku, customerType);
    }

    private CrossSellRule publish(CrossSellRule rule, String change) {
        em.flush();
        outbox.publish(CatalogueEvents.TOPIC, "CrossSellRule", rule.id, CatalogueEvents.CROSS_SELL_RULE_CHANGED,
                CrossSellRuleChanged.of(rule, change));
        return rule;
    }

    private static void checkVersion(CrossSellRule rule, long expected) {
        if (rule.version != expected) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Cross-sell rule " + rule.id + " is at version "
                    + rule.version + ", not " + expected).with("currentVersion", rule.version);
        }
    }

    private void apply(CrossSellRule r, RuleCommand c, String by) {
        r.kind = c.kind();
        r.triggerSku = c.kind() == CrossSellRule.Kind.WITH_PRODUCT ? c.triggerSku() : null;
        r.customerType = c.kind() == CrossSellRule.Kind.FOR_CUSTOMER_TYPE ? c.customerType() : null;
        r.offerSku = c.offerSku();
        r.priority = c.priority();
        r.validFrom = c.validFrom();
        r.validUntil = c.validUntil();
        r.note = c.note();
        r.updatedBy = by;
        r.updatedAt = OffsetDateTime.now(clock);
    }

    /** R8: a rule names what triggers it (a product or a customer type) and an existing product to offer. */
    private void validate(RuleCommand c) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        skus.add(c.offerSku());
        if (c.kind() == CrossSellRule.Kind.WITH_PRODUCT) {
            if (c.triggerSku() == null || c.triggerSku().isBlank()) {
                errors.add(new Problem.FieldError("triggerSku", "required for WITH_PRODUCT"));
            } else {
                skus.add(c.triggerSku());
            }
            if (c.customerType() != null) {
                errors.add(new Problem.FieldError("customerType", "only for FOR_CUSTOMER_TYPE"));
            }
        } else {
            if (c.customerType() == null || !c.customerType().matches("[A-Z][A-Z_]{0,39}")) {
                errors.add(new Problem.FieldError("customerType", "required for FOR_CUSTOMER_TYPE, e.g. ATHLETE"));
            }
            if (c.triggerSku() != null) {
                errors.add(new Problem.FieldError("triggerSku", "only for WITH_PRODUCT"));
            }
        }
        Map<String, Product> found = products.bySku(skus);
        if (!found.containsKey(c.offerSku())) {
            errors.add(new Problem.FieldError("offerSku", "no product with this SKU"));
        }
        if (c.kind() == CrossSellRule.Kind.WITH_PRODUCT && c.triggerSku() != null && !c.triggerSku().isBlank()) {
            if (!found.containsKey(c.triggerSku())) {
                errors.add(new Problem.FieldError("triggerSku", "no product with this SKU"));
            } else if (c.triggerSku().equals(c.offerSku())) {
                errors.add(new Problem.FieldError("offerSku", "must differ from triggerSku"));
            }
        }
        if (c.validFrom() != null && c.validUntil() != null && !c.validFrom().isBefore(c.validUntil())) {
            errors.add(new Problem.FieldError("validUntil", "must be after validFrom"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) invalid", errors);
        }
    }
}
