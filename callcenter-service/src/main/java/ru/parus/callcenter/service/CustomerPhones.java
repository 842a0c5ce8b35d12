package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CustomerProjectionRepository;

/** R18: the customers' phones from customer-events, to match a call to its customer by number. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerPhones {
    @Inject
    EntityManager em;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    Clock clock;

    /** CustomerRegistered's main phone; kept unless a contacts list (CustomerContactsChanged) already replaced it. */
    public void registered(UUID customerId, String phone) {
        CustomerProjection c = customers.findById(customerId);
        if (phone == null || c != null && c.contactsVersion != null) {
            return;
        }
        em.createNativeQuery("INSERT INTO customer_phone (customer_id, phone) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, customerId).setParameter(2, phone).executeUpdate();
    }

    /** CustomerContactsChanged carries the whole list; an older version than the one applied is ignored. */
    public void contactsChanged(UUID customerId, List<String> phones, long version) {
        CustomerProjection c = customers.lockOrCreate(customerId,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        if (c.contactsVersion != null && c.contactsVersion >= version) {
            return;
        }
        c.contactsVersion = version;
        c.phone = phones.isEmpty() ? null : phones.get(0);
        c.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        em.createNativeQuery("DELETE FROM customer_phone WHERE customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
        for (String phone : phones) {
            em.createNativeQuery("INSERT INTO customer_phone (customer_id, phone) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, customerId).setParameter(2, phone).executeUpdate();
        }
    }

    /** The one customer with this E.164 number (a merged customer counts as its survivor); null if none or several. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID match(String phone) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                SELECT DISTINCT COALESCE(p.merged_into, cp.customer_id)
                FROM customer_phone cp LEFT JOIN customer_projection p ON p.customer_id = cp.customer_id
                WHERE cp.phone = ?1""", UUID.class).setParameter(1, phone).getResultList();
        return found.size() == 1 ? found.get(0) : null;
    }
}
