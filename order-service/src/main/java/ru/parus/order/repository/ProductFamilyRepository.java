package ru.parus.order.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.ProductFamily;

@ApplicationScoped
public class ProductFamilyRepository implements PanacheRepositoryBase<ProductFamily, UUID> {
}
