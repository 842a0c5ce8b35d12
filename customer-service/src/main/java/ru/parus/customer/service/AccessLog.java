package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R24: records each read of customers' personal data, and answers who read a customer's data. */
@ApplicationScoped
@Transactional
public class AccessLog {
    private static final List<String> ROLES = List.of(Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN,
            Roles.WAREHOUSE);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public record Entry(UUID customerId, String staffId, String roles, String endpoint, OffsetDateTime accessedAt) {
    }

    /** R24: one row per customer whose personal data the response shows (set-based for a page of search hits). */
    public void read(Collection<UUID> customerIds, String endpoint, CurrentStaff staff) {
        if (customerIds.isEmpty()) {
            return;
        }
        String roles = ROLES.stream().filter(staff::hasRole).collect(Collectors.joining(","));
        em.createNativeQuery("""
                INSERT INTO personal_data_access (customer_id, staff_id, roles, endpoint, accessed_at)
                SELECT CAST(x AS uuid), ?2, ?3, ?4, ?5 FROM unnest(string_to_array(?1, ',')) x""")
                .setParameter(1, customerIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter(2, staff.id()).setParameter(3, roles).setParameter(4, endpoint)
                .setParameter(5, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    public void read(UUID customerId, String endpoint, CurrentStaff staff) {
        read(List.of(customerId), endpoint, staff);
    }

    /** Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Entry> of(UUID customerId, int page, int size) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT customer_id, staff_id, roles, endpoint, accessed_at FROM personal_data_access
                WHERE customer_id = ?1 ORDER BY accessed_at DESC, id DESC OFFSET ?2 LIMIT ?3""")
                .setParameter(1, customerId).setParameter(2, (long) page * size).setParameter(3, size)
                .getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                toOffset(r[4]))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID customerId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM personal_data_access WHERE customer_id = ?1")
                .setParameter(1, customerId).getSingleResult()).longValue();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
