package ru.parus.callcenter.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * R24: after customer-service erased a customer on request, this service forgets the customer's personal data in
 * its own tables: name and phones in the projection, phones and free text of calls, tasks, complaints and script
 * answers. Ids, outcomes, durations and scores stay, so tasks, KPIs and reports still add up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerErasure {
    static final String ERASED_TEXT = "[удалено по запросу клиента]";

    @Inject
    EntityManager em;

    public void erase(UUID customerId) {
        update("UPDATE customer_projection SET name = NULL, phone = NULL WHERE customer_id = ?1", customerId);
        update("DELETE FROM customer_phone WHERE customer_id = ?1", customerId);
        update("UPDATE phone_call SET phone = NULL, notes = NULL WHERE customer_id = ?1", customerId);
        update("UPDATE call_task SET note = NULL WHERE customer_id = ?1", customerId);
        update("UPDATE feedback SET text = '" + ERASED_TEXT + "', answer = CASE WHEN answer IS NULL THEN NULL ELSE '"
                + ERASED_TEXT + "' END WHERE customer_id = ?1", customerId);
        update("UPDATE script_run SET answers = '[]' WHERE customer_id = ?1", customerId);
    }

    private void update(String sql, UUID customerId) {
        em.createNativeQuery(sql).setParameter(1, customerId).executeUpdate();
    }
}
