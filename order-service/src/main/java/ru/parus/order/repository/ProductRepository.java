package ru.parus.order.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.Product;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    /** A product family's variants, by SKU. */
    public List<Product> variantsOf(UUID familyId) {
        return list("familyId = ?1 order by sku", familyId);
    }

    /** The variants of these families, by SKU. */
    public List<Product> variantsOf(Collection<UUID> familyIds) {
        return list("familyId in ?1 order by sku", familyIds);
    }

    /** R1: the products on sale, by SKU. */
    public PanacheQuery<Product> onSale() {
        return find("active", Sort.by("sku"), true);
    }

    public Map<String, Product> bySku(Collection<String> skus) {
        List<Product> found = list("sku in ?1", skus);
        return found.stream().collect(Collectors.toMap(p -> p.sku, Function.identity()));
    }

    /**
     * The products with these SKUs, read-only, for pricing an order: a load by primary key, whose SQL Hibernate
     * builds once, where {@code "sku in ?1"} re-interprets the query for every request (the list parameter is
     * expanded), and read-only so that the flushes of the order's transaction do not dirty-check them.
     */
    public Map<String, Product> forPricing(Collection<String> skus) {
        List<Product> found = getEntityManager().unwrap(Session.class)
                .findMultiple(Product.class, new ArrayList<>(skus), ReadOnlyMode.READ_ONLY);
        Map<String, Product> bySku = new HashMap<>();
        found.forEach(p -> {
            if (p != null) { // an unknown SKU
                bySku.put(p.sku, p);
            }
        });
        return bySku;
    }
}
