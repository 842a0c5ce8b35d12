package ru.parus.order.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.CrossSellRule;

@ApplicationScoped
public class CrossSellRuleRepository implements PanacheRepositoryBase<CrossSellRule, UUID> {

    /** R7: the rules of this kind, naming this SKU (as trigger or offer), for this customer type; null: any. */
    public PanacheQuery<CrossSellRule> matching(CrossSellRule.Kind kind, String sku,
            String customerType) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (kind != null) {
            q.append(" and kind = :kind");
            p.put("kind", kind);
        }
        if (sku != null) {
            q.append(" and (triggerSku = :sku or offerSku = :sku)");
            p.put("sku", sku);
        }
        if (customerType != null) {
            q.append(" and customerType = :type");
            p.put("type", customerType);
        }
        return find(q.toString(), Sort.descending("priority").and("id"), p);
    }

    /** How many rules of this kind offer {@code offerSku} for this trigger and customer type (null: none). */
    public long countLike(CrossSellRule.Kind kind, String offerSku, String triggerSku, String customerType) {
        return getEntityManager().createQuery("select count(r) from CrossSellRule r where r.kind = :k and r.offerSku = :o"
                + " and coalesce(r.triggerSku, '') = :t and coalesce(r.customerType, '') = :c", Long.class)
                .setParameter("k", kind).setParameter("o", offerSku)
                .setParameter("t", triggerSku == null ? "" : triggerSku)
                .setParameter("c", customerType == null ? "" : customerType).getSingleResult();
    }
}
