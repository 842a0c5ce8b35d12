package ru.parus.customer.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ru.parus.customer.event.PersonalDataAccessed;
import ru.parus.platform.paging.PageRequest;

/** R24: the rows of {@code personal_data_access}, this service's reads and the other services' ones. */
@ApplicationScoped
public class AccessLogRepository {
    @Inject
    EntityManager em;

    /** Named for the OpenAPI document: Timeline has an Entry too. */
    @Schema(name = "AccessLogEntry", description = "One read of a customer's personal data (R24)")
    public record Entry(UUID customerId, String staffId, String roles, String service, String endpoint, String fields,
            OffsetDateTime accessedAt) {
    }

    /** What the filters of the system-wide log may hold; null members do not filter. */
    public record Filter(UUID customerId, String staffId, String service, OffsetDateTime from, OffsetDateTime to) {
    }

    /** One row per customer (set-based for a page of search hits). */
    public void insertReads(Collection<UUID> customerIds, String staffId, String roles, String endpoint,
            String fields, OffsetDateTime at) {
        em.createNativeQuery("""
                INSERT INTO personal_data_access (customer_id, staff_id, roles, endpoint, fields, accessed_at)
                SELECT CAST(x AS uuid), ?2, ?3, ?4, ?5, ?6 FROM unnest(string_to_array(?1, ',')) x""")
                .setParameter(1, customerIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter(2, staffId).setParameter(3, roles).setParameter(4, endpoint)
                .setParameter(5, fields).setParameter(6, at)
                .executeUpdate();
    }

    /** Another service's read; a redelivered event is one row. */
    public void insertRecorded(UUID eventId, PersonalDataAccessed read) {
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

    /** Newest first. */
    @SuppressWarnings("unchecked")
    public List<Entry> search(Filter f, PageRequest page) {
        var query = em.createNativeQuery("SELECT customer_id, staff_id, roles, service, endpoint, fields, accessed_at"
                + " FROM personal_data_access" + where(f) + " ORDER BY accessed_at DESC, id DESC OFFSET :offset LIMIT :limit");
        bind(query, f).setParameter("offset", page.offset()).setParameter("limit", page.size());
        return ((List<Object[]>) query.getResultList()).stream().map(AccessLogRepository::entry).toList();
    }

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

    private static Query bind(Query query, Filter f) {
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
                Rows.offsetDateTime(r[6]));
    }
}
