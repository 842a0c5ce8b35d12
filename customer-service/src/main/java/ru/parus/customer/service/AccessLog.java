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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ru.parus.platform.access.PersonalDataAudit;
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

    /** Named for the OpenAPI document: Timeline has an Entry too. */
    @Schema(name = "AccessLogEntry", description = "One read of a customer's personal data (R24)")
    public record Entry(UUID customerId, String staffId, String roles, String service, String endpoint, String fields,
            OffsetDateTime accessedAt) {
    }

    /** What the filters of the system-wide log may hold; null members do not filter. */
    public record Filter(UUID customerId, String staffId, String service, OffsetDateTime from, OffsetDateTime to) {
    }

    /** R24: one row per customer whose personal data the response shows (set-based for a page of search hits). */
    public void read(Collection<UUID> customerIds, String endpoint, String fields, CurrentStaff staff) {
        if (customerIds.isEmpty()) {
            return;
        }
        String roles = ROLES.stream().filter(staff::hasRole).collect(Collectors.joining(","));
        em.createNativeQuery("""
                INSERT INTO personal_data_access (customer_id, staff_id, roles, endpoint, fields, accessed_at)
                SELECT CAST(x AS uuid), ?2, ?3, ?4, ?5, ?6 FROM unnest(string_to_array(?1, ',')) x""")
                .setParameter(1, customerIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter(2, staff.id()).setParameter(3, roles).setParameter(4, endpoint)
                .setParameter(5, fields).setParameter(6, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    public void read(UUID customerId, String endpoint, String fields, CurrentStaff staff) {
        read(List.of(customerId), endpoint, fields, staff);
    }

    /** R24: another service's PersonalDataAccessed (audit-events); a redelivered event is one row. */
    public void recorded(UUID eventId, PersonalDataAudit.PersonalDataAccessed read) {
        em.createNativeQuery("""
                INSERT INTO personal_data_access (customer_id, staff_id, roles, service, endpoint, fields, accessed_at,
                    event_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, read.customerId()).setParameter(2, read.staffId())
                .setParameter(3, String.join(",", read.roles())).setParameter(4, read.service())
                .setParameter(5, read.endpoint()).setParameter(6, String.join(",", read.fields()))
                .setParameter(7, read.accessedAt()).setParameter(8, eventId)
                .executeUpdate();
    }

    /** R24: the system-wide log, newest first, for ADMIN. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Entry> search(Filter f, int page, int size) {
        var query = em.createNativeQuery("SELECT customer_id, staff_id, roles, service, endpoint, fields, accessed_at"
                + " FROM personal_data_access" + where(f) + " ORDER BY accessed_at DESC, id DESC OFFSET :offset LIMIT :limit");
        bind(query, f).setParameter("offset", (long) page * size).setParameter("limit", size);
        return ((List<Object[]>) query.getResultList()).stream().map(AccessLog::entry).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter f) {
        var query = em.createNativeQuery("SELECT count(*) FROM personal_data_access" + where(f));
        return ((Number) bind(query, f).getSingleResult()).longValue();
    }

    private static String where(Filter f) {
        List<String> conditions = new java.util.ArrayList<>();
        if (f.customerId() != null) {
            conditions.add("customer_id = :customerId");
        }
        if (f.staffId() != null) {
            conditions.add("staff_id = :staffId");
        }
        if (f.service() != null) {
            conditions.add("service = :service");
        }
        if (f.from() != null) {
            conditions.add("accessed_at >= :from");
        }
        if (f.to() != null) {
            conditions.add("accessed_at < :to");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Filter f) {
        if (f.customerId() != null) {
            query.setParameter("customerId", f.customerId());
        }
        if (f.staffId() != null) {
            query.setParameter("staffId", f.staffId());
        }
        if (f.service() != null) {
            query.setParameter("service", f.service());
        }
        if (f.from() != null) {
            query.setParameter("from", f.from());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to());
        }
        return query;
    }

    private static Entry entry(Object[] r) {
        return new Entry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                toOffset(r[6]));
    }

    /** Newest first. */
    public List<Entry> of(UUID customerId, int page, int size) {
        return search(new Filter(customerId, null, null, null, null), page, size);
    }

    public long count(UUID customerId) {
        return count(new Filter(customerId, null, null, null, null));
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
