package ru.parus.customer.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What a merge moves from the merged customer to the one it is merged into, set-based. */
@ApplicationScoped
public class MergeRepository {
    @Inject
    EntityManager em;

    /** The merged customer's contacts join the survivor's, after them; a contact both have is kept once. */
    public void moveContacts(UUID mergedId, UUID intoId) {
        em.createNativeQuery("""
                INSERT INTO customer_contact (customer_id, kind, value, position)
                SELECT ?1, kind, value, position + 100 FROM customer_contact WHERE customer_id = ?2
                ON CONFLICT (customer_id, kind, value) DO NOTHING""")
                .setParameter(1, intoId).setParameter(2, mergedId).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_contact WHERE customer_id = ?1").setParameter(1, mergedId).executeUpdate();
    }

    /** R21: per channel the later decision of the customer stands. */
    public void moveConsents(UUID mergedId, UUID intoId) {
        em.createNativeQuery("""
                INSERT INTO customer_consent (customer_id, channel, granted, changed_at, method, changed_by)
                SELECT ?1, channel, granted, changed_at, method, changed_by FROM customer_consent WHERE customer_id = ?2
                ON CONFLICT (customer_id, channel) DO UPDATE
                SET granted = EXCLUDED.granted, changed_at = EXCLUDED.changed_at, method = EXCLUDED.method,
                    changed_by = EXCLUDED.changed_by
                WHERE customer_consent.changed_at < EXCLUDED.changed_at""")
                .setParameter(1, intoId).setParameter(2, mergedId).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_consent WHERE customer_id = ?1").setParameter(1, mergedId).executeUpdate();
    }

    /** Suspected-duplicate pairs: the pair itself is resolved; others now concern the survivor. */
    public void moveSuspectedDuplicates(UUID mergedId, UUID intoId) {
        em.createNativeQuery("""
                INSERT INTO suspected_duplicate (customer_id, existing_id, matched_on, detected_at, order_id)
                SELECT CASE WHEN customer_id = ?2 THEN ?1 ELSE customer_id END,
                       CASE WHEN existing_id = ?2 THEN ?1 ELSE existing_id END, matched_on, detected_at, order_id
                FROM suspected_duplicate
                WHERE (customer_id = ?2 OR existing_id = ?2) AND customer_id <> ?1 AND existing_id <> ?1
                ON CONFLICT DO NOTHING""")
                .setParameter(1, intoId).setParameter(2, mergedId).executeUpdate();
        em.createNativeQuery("""
                DELETE FROM suspected_duplicate WHERE customer_id = ?1 OR existing_id = ?1""")
                .setParameter(1, mergedId).executeUpdate();
    }
}
