package ru.parus.order.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.Product;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    public Map<String, Product> bySku(Collection<String> skus) {
        List<Product> found = list("sku in ?1", skus);
        return found.stream().collect(Collectors.toMap(p -> p.sku, Function.identity()));
    }
}
