package ru.parus.callcenter.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.CustomerProjection;

@ApplicationScoped
public class CustomerProjectionRepository implements PanacheRepositoryBase<CustomerProjection, UUID> {
}
