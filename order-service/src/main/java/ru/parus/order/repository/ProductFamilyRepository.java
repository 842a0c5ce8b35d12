package ru.parus.order.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.ProductFamily;

@ApplicationScoped
public class ProductFamilyRepository implements PanacheRepositoryBase<ProductFamily, UUID> {

    public List<ProductFamily> byIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }
}
