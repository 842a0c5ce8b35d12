package ru.parus.customer.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** R24: blanks the personal data of customers in every table of this service, set-based. */
@ApplicationScoped
public class ErasureRepository {
    @Inject
    EntityManager em;

    /**
     * @param erasedName      what replaces names and notes
     * @param personalMembers timeline summary members removed
     */
    public void erase(List<UUID> ids, OffsetDateTime now, String by, String reference, String erasedName,
            String[] personalMembers) {
        em.createQuery("""
                update Customer c set c.name = :name, c.phone = null, c.email = null, c.preferredChannel = null,
                    c.quietFrom = null, c.quietTo = null, c.timeZone = null, c.legalName = null, c.inn = null,
                    c.kpp = null, c.erasedAt = :now, c.erasedBy = :by, c.erasureReference = :ref,
                    c.updatedAt = :now, c.version = c.version + 1
                where c.id in :ids""")
                .setParameter("name", erasedName).setParameter("now", now).setParameter("by", by)
                .setParameter("ref", reference).setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_contact WHERE customer_id IN (?1)").setParameter(1, ids).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_tag WHERE customer_id IN (?1)").setParameter(1, ids).executeUpdate();
        // R21: no message may reach an erased customer: every consent withdrawn, on the written request
        em.createNativeQuery("""
                UPDATE customer_consent SET granted = false, changed_at = ?2, method = 'WRITTEN', changed_by = ?3
                WHERE customer_id IN (?1)""")
                .setParameter(1, ids).setParameter(2, now).setParameter(3, by).executeUpdate();
        em.createNativeQuery("UPDATE customer_note SET text = ?2 WHERE customer_id IN (?1)")
                .setParameter(1, ids).setParameter(2, erasedName).executeUpdate();
        em.createNativeQuery("""
                UPDATE customer_timeline SET summary = (CAST(summary AS jsonb) - CAST(?2 AS text[]))::text
                WHERE customer_id IN (?1)""")
                .setParameter(1, ids).setParameter(2, "{" + String.join(",", personalMembers) + "}").executeUpdate();
        em.clear(); // the bulk updates bypassed the persistence context
    }
}
