package ru.parus.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.notification.domain.CatalogueProduct;

@ApplicationScoped
public class CatalogueProductRepository implements PanacheRepositoryBase<CatalogueProduct, UUID> {
}
