package ru.parus.callcenter;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;

/** The application's EntityManager for test helpers that wait on rows. */
final class EntityManagers {
    private EntityManagers() {
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
