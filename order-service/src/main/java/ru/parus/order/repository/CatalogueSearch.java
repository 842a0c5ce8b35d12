package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Managers' catalogue search (R1): text in name, purpose or a variant's name/SKU (trigram indexes), category,
 * storefront, new / featured at {@code now} (R2), in stock; the product families' ids of one page, by name.
 */
@ApplicationScoped
public class CatalogueSearch {
    @Inject
    EntityManager em;

    /** The filters; null: any. */
    public record Criteria(String text, String category, String storefront, Boolean isNew, Boolean featured,
            Boolean inStock, int page, int size) {
    }

    /** The ids of one page and the number of matching families. */
    public record Found(List<UUID> ids, long total) {
    }

    @SuppressWarnings("unchecked")
    public Found familyIds(Criteria c, OffsetDateTime now) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (c.text() != null && !c.text().isBlank()) {
            where.append(" AND (f.name ILIKE :pat OR f.purpose ILIKE :pat OR EXISTS (SELECT 1 FROM product v"
                    + " WHERE v.family_id = f.id AND (v.name ILIKE :pat OR v.sku ILIKE :pat)))");
            params.put("pat", "%" + c.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (c.category() != null) {
            where.append(" AND f.category = :category");
            params.put("category", c.category());
        }
        if (c.storefront() != null) {
            where.append(" AND f.storefronts @> ARRAY[CAST(:storefront AS text)]");
            params.put("storefront", c.storefront());
        }
        if (c.isNew() != null) {
            where.append(c.isNew() ? " AND " : " AND NOT ")
                    .append("(f.new_from IS NOT NULL AND f.new_from <= :now AND (f.new_until IS NULL OR f.new_until > :now))");
            params.put("now", now);
        }
        if (c.featured() != null) {
            where.append(c.featured() ? " AND " : " AND NOT ").append("(f.featured_from IS NOT NULL AND f.featured_from <= :now"
                    + " AND (f.featured_until IS NULL OR f.featured_until > :now))");
            params.put("now", now);
        }
        if (c.inStock() != null) {
            where.append(c.inStock() ? " AND " : " AND NOT ")
                    .append("EXISTS (SELECT 1 FROM product v WHERE v.family_id = f.id AND v.active AND v.stock > 0)");
        }
        var idQuery = em.createNativeQuery("SELECT f.id FROM product_family f" + where + " ORDER BY f.name, f.id"
                + " LIMIT " + c.size() + " OFFSET " + ((long) c.page() * c.size()), UUID.class);
        var countQuery = em.createNativeQuery("SELECT count(*) FROM product_family f" + where, Long.class);
        params.forEach((k, v) -> {
            idQuery.setParameter(k, v);
            countQuery.setParameter(k, v);
        });
        List<UUID> ids = idQuery.getResultList();
        long total = ((Number) countQuery.getSingleResult()).longValue();
        return new Found(ids, total);
    }
}
