package ru.parus.customer.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.customer.domain.CustomerConsent;
import ru.parus.customer.domain.CustomerContact;

/** R21: a customer's contacts and consents. */
@ApplicationScoped
public class ContactRepository {
    @Inject
    EntityManager em;

    /** By kind, then position (the first phone and e-mail are the main ones). */
    public List<CustomerContact> contactsOf(UUID customerId) {
        return em.createQuery(
                "from CustomerContact c where c.customerId = :id order by c.kind, c.position", CustomerContact.class)
                .setParameter("id", customerId).getResultList();
    }

    public List<CustomerConsent> consentsOf(UUID customerId) {
        return em.createQuery("from CustomerConsent c where c.customerId = :id", CustomerConsent.class)
                .setParameter("id", customerId).getResultList();
    }

    public void deleteContactsOf(UUID customerId) {
        em.createQuery("delete from CustomerContact c where c.customerId = :id").setParameter("id", customerId)
                .executeUpdate();
    }
}
