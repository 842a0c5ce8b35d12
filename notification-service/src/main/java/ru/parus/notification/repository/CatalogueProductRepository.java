package ru.parus.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.notification.domain.CatalogueProduct;

@ApplicationScoped
public class CatalogueProductRepository implements PanacheRepositoryBase<CatalogueProduct, UUID> {
    /** Every product, by category then name. */
    public List<CatalogueProduct> byCategoryAndName() {
        return list("order by category, name");
    }
}
