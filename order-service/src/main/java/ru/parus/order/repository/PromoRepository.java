package ru.parus.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.order.domain.PromoCode;

/** R11: promo codes and their redemptions. */
@ApplicationScoped
public class PromoRepository {
    @Inject
    EntityManager em;

    public List<PromoCode> all() {
        return em.createQuery("from PromoCode order by createdAt", PromoCode.class).getResultList();
    }

    /** How many times the code is used now (uses given back by cancelled orders do not count). */
    public long redemptions(String code) {
        return em.createQuery("select count(r) from PromoRedemption r where r.code = ?1 and r.releasedAt is null",
                Long.class)
                .setParameter(1, code).getSingleResult();
    }

    /** How many times the customer uses the code now (released uses do not count). */
    public long redemptions(String code, UUID customerId) {
        return em.createQuery("select count(r) from PromoRedemption r where r.code = ?1 and r.customerId = ?2 "
                + "and r.releasedAt is null",
                Long.class).setParameter(1, code).setParameter(2, customerId).getSingleResult();
    }
}
