package ru.parus.callcenter.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** R24: the statements that forget a customer's personal data in this service's tables (see CustomerErasure). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalData {
    public static final String ERASED_TEXT = "[удалено по запросу клиента]";

    @Inject
    EntityManager em;

    public void erase(UUID customerId) {
        // the customer's numbers, while still known: calls and callbacks from them that no customer was matched to
        update("""
                UPDATE phone_call SET phone = NULL, notes = NULL WHERE customer_id IS NULL
                AND phone IN (SELECT phone FROM customer_phone WHERE customer_id = ?1
                              UNION SELECT phone FROM customer_projection WHERE customer_id = ?1 AND phone IS NOT NULL)""",
                customerId);
        update("""
                UPDATE call_task SET phone = NULL, note = NULL WHERE customer_id IS NULL
                AND phone IN (SELECT phone FROM customer_phone WHERE customer_id = ?1
                              UNION SELECT phone FROM customer_projection WHERE customer_id = ?1 AND phone IS NOT NULL)""",
                customerId);
        update("UPDATE customer_projection SET name = NULL, phone = NULL, erased_at = coalesce(erased_at, now()) "
                + "WHERE customer_id = ?1", customerId);
        update("DELETE FROM customer_phone WHERE customer_id = ?1", customerId);
        update("UPDATE phone_call SET phone = NULL, notes = NULL WHERE customer_id = ?1", customerId);
        update("UPDATE call_task SET phone = NULL, note = NULL WHERE customer_id = ?1", customerId);
        update("UPDATE escalation SET reason = '" + ERASED_TEXT + "', resolution = CASE WHEN resolution IS NULL THEN NULL "
                + "ELSE '" + ERASED_TEXT + "' END WHERE customer_id = ?1 "
                + "OR call_id IN (SELECT id FROM phone_call WHERE customer_id = ?1)", customerId);
        update("UPDATE feedback SET text = '" + ERASED_TEXT + "', answer = CASE WHEN answer IS NULL THEN NULL ELSE '"
                + ERASED_TEXT + "' END WHERE customer_id = ?1", customerId);
        update("UPDATE script_run SET answers = '[]' WHERE customer_id = ?1", customerId);
    }

    private void update(String sql, UUID customerId) {
        em.createNativeQuery(sql).setParameter(1, customerId).executeUpdate();
    }
}
