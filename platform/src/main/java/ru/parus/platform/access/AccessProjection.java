package ru.parus.platform.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.DefaultBean;

/**
 * The default {@link AccessDirectory}: owners and deputyships as a service learns them from customer-events and the
 * call centre's absences (tables {@code access_customer_owner} and {@code access_deputyship}, platform migration
 * V1_2). A service's consumers call the update methods; events of one customer come in order (key = customer id).
 * A merged-away customer keeps the survivor's owner, so a list can filter on the owner column alone.
 */
@DefaultBean
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccessProjection implements AccessDirectory {
    /**
     * The two reads {@link CustomerAccess} decides on, with the parameters' placeholders left to the caller (JPA's
     * {@code ?1}, the reactive client's {@code $1}), so that a service reading them outside Hibernate (order-service's
     * reactive placement) runs the same SQL: the customer's owner (parameter: customer id), and the managers a deputy
     * covers at a moment (parameters: deputy id, the moment).
     */
    public static final String OWNER_OF = "SELECT owner_manager_id FROM access_customer_owner WHERE customer_id = %s";
    public static final String MANAGERS_COVERED_BY = """
            SELECT DISTINCT manager_id FROM access_deputyship
            WHERE deputy_id = %1$s AND ended_at IS NULL AND starts_at <= %2$s AND ends_at > %2$s""";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Any customer event that names the owner (CustomerRegistered, CustomerUpdated with ownerManagerId, ...). */
    public void ownerNamed(UUID customerId, String ownerManagerId) {
        String owner = ownerManagerId == null || ownerManagerId.isBlank() ? null : ownerManagerId;
        em.createNativeQuery("""
                INSERT INTO access_customer_owner (customer_id, owner_manager_id, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (customer_id) DO UPDATE SET owner_manager_id = EXCLUDED.owner_manager_id,
                    updated_at = EXCLUDED.updated_at
                WHERE access_customer_owner.merged_into IS NULL""")
                .setParameter(1, customerId).setParameter(2, owner).setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate();
        // the customers merged into this one (through any chain) follow its owner
        em.createNativeQuery("""
                WITH RECURSIVE merged(id) AS (
                    SELECT customer_id FROM access_customer_owner WHERE merged_into = ?1
                    UNION SELECT a.customer_id FROM access_customer_owner a JOIN merged m ON a.merged_into = m.id)
                UPDATE access_customer_owner SET owner_manager_id = ?2 WHERE customer_id IN (SELECT id FROM merged)""")
                .setParameter(1, customerId).setParameter(2, owner).executeUpdate();
    }

    /** CustomersMerged: the merged-away customer (and whatever was merged into it) now has the survivor's owner. */
    public void merged(UUID mergedCustomerId, UUID survivingCustomerId) {
        em.createNativeQuery("""
                INSERT INTO access_customer_owner (customer_id, owner_manager_id, merged_into, updated_at)
                VALUES (?1, (SELECT owner_manager_id FROM access_customer_owner WHERE customer_id = ?2), ?2, ?3)
                ON CONFLICT (customer_id) DO UPDATE SET merged_into = EXCLUDED.merged_into,
                    owner_manager_id = EXCLUDED.owner_manager_id, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, mergedCustomerId).setParameter(2, survivingCustomerId)
                .setParameter(3, OffsetDateTime.now(clock)).executeUpdate();
        CustomerOwner survivor = ownerOf(survivingCustomerId);
        if (survivor.known()) {
            ownerNamed(survivingCustomerId, survivor.managerId());
        }
    }

    /** R22: ManagerAbsenceStarted: the deputy covers the manager from startsAt until endsAt, unless it ended first. */
    public void absenceStarted(UUID absenceId, String managerId, String deputyId, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {
        em.createNativeQuery("""
                INSERT INTO access_deputyship (absence_id, manager_id, deputy_id, starts_at, ends_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (absence_id) DO UPDATE SET manager_id = EXCLUDED.manager_id,
                    deputy_id = EXCLUDED.deputy_id, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""")
                .setParameter(1, absenceId).setParameter(2, managerId).setParameter(3, deputyId)
                .setParameter(4, startsAt).setParameter(5, endsAt).executeUpdate();
    }

    /** R22: ManagerAbsenceEnded: the deputy's access ends now, whichever of the two events came first. */
    public void absenceEnded(UUID absenceId, String managerId, String deputyId, OffsetDateTime endedAt) {
        em.createNativeQuery("""
                INSERT INTO access_deputyship (absence_id, manager_id, deputy_id, ended_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (absence_id) DO UPDATE SET ended_at = EXCLUDED.ended_at""")
                .setParameter(1, absenceId).setParameter(2, managerId).setParameter(3, deputyId)
                .setParameter(4, endedAt).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public CustomerOwner ownerOf(UUID customerId) {
        List<Object> rows = em.createNativeQuery(OWNER_OF.formatted("?1"))
                .setParameter(1, customerId).getResultList();
        return rows.isEmpty() ? CustomerOwner.UNKNOWN : CustomerOwner.of((String) rows.get(0));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Set<String> managersCoveredBy(String staffId) {
        List<String> rows = em.createNativeQuery(MANAGERS_COVERED_BY.formatted("?1", "?2"))
                .setParameter(1, staffId).setParameter(2, OffsetDateTime.now(clock)).getResultList();
        return new HashSet<>(rows);
    }
}
