package ru.parus.callcenter.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.OrderProjection;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {
}
