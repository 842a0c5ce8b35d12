package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.Campaign;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /** A customer of the frozen list with the owner the projection knows. */
    public record Candidate(UUID customerId, String ownerManagerId) {
    }

    /** One row of the frozen list with its task's state, for the report. */
    public record Line(String assignee, String status, String outcome, OffsetDateTime dueAt, OffsetDateTime completedAt) {
    }

    /** The projection's customers (not merged away) matching every given criterion, by id. */
    @SuppressWarnings("unchecked")
    public List<Candidate> select(String customerType, Boolean dormant, OffsetDateTime lastOrderBefore, String storefront) {
        StringBuilder sql = new StringBuilder(
                "SELECT customer_id, owner_manager_id FROM customer_projection WHERE merged_into IS NULL");
        List<Object> params = new ArrayList<>();
        if (customerType != null) {
            params.add(customerType);
            sql.append(" AND customer_type = ?").append(params.size());
        }
        if (dormant != null) {
            params.add(dormant);
            sql.append(" AND dormant = ?").append(params.size());
        }
        if (lastOrderBefore != null) {
            params.add(lastOrderBefore);
            sql.append(" AND last_order_at < ?").append(params.size());
        }
        if (storefront != null) {
            params.add(storefront);
            sql.append(" AND last_storefront = ?").append(params.size());
        }
        sql.append(" ORDER BY customer_id");
        Query q = getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return ((List<Object[]>) q.getResultList()).stream()
                .map(r -> new Candidate((UUID) r[0], (String) r[1])).toList();
    }

    /** The given customers the projection knows, with their owners. */
    @SuppressWarnings("unchecked")
    public List<Candidate> known(List<UUID> ids) {
        return ((List<Object[]>) getEntityManager().createNativeQuery(
                "SELECT customer_id, owner_manager_id FROM customer_projection WHERE customer_id = ANY(?1)")
                .setParameter(1, ids.toArray(new UUID[0])).getResultList()).stream()
                .map(r -> new Candidate((UUID) r[0], (String) r[1])).toList();
    }

    public void addCustomer(UUID campaignId, UUID customerId, String assignee, UUID taskId) {
        getEntityManager().createNativeQuery(
                "INSERT INTO campaign_customer (campaign_id, customer_id, assignee, task_id) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, campaignId).setParameter(2, customerId).setParameter(3, assignee)
                .setParameter(4, taskId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Line> lines(UUID campaignId) {
        return ((List<Object[]>) getEntityManager().createNativeQuery("""
                SELECT cc.assignee, t.status, t.outcome, t.due_at, t.completed_at
                FROM campaign_customer cc JOIN call_task t ON t.id = cc.task_id
                WHERE cc.campaign_id = ?1 ORDER BY cc.assignee, cc.customer_id""")
                .setParameter(1, campaignId).getResultList()).stream()
                .map(r -> new Line((String) r[0], (String) r[1], (String) r[2], time(r[3]), time(r[4]))).toList();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }
}
