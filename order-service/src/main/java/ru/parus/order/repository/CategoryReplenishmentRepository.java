package ru.parus.order.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.CategoryReplenishment;

@ApplicationScoped
public class CategoryReplenishmentRepository implements PanacheRepositoryBase<CategoryReplenishment, String> {
}
