package ru.parus.order.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.order.domain.CrossSellRule;

@ApplicationScoped
public class CrossSellRuleRepository implements PanacheRepositoryBase<CrossSellRule, UUID> {
}
