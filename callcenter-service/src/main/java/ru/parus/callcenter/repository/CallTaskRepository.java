package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;

@ApplicationScoped
public class CallTaskRepository implements PanacheRepositoryBase<CallTask, UUID> {

    /**
     * Inserts the task unless one of the same kind and cause exists (unique key), without failing the
     * transaction. Returns whether it was inserted.
     */
    public boolean insertIfAbsent(CallTask t) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO call_task (id, customer_id, kind, cause, order_id, assignee, status, priority, script,
                                       due_at, created_at, version,
                                       original_assignee, absence_id, phone, call_id, escalation_id, discount_percent,
                                       family_id, sku, product_name, run_out_on)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
                ON CONFLICT (kind, cause) DO NOTHING""")
                .setParameter(1, t.id).setParameter(2, t.customerId).setParameter(3, t.kind)
                .setParameter(4, t.cause).setParameter(5, t.orderId).setParameter(6, t.assignee)
                .setParameter(7, t.status.name()).setParameter(8, (short) t.priority).setParameter(9, t.script)
                .setParameter(10, t.dueAt).setParameter(11, t.createdAt)
                .setParameter(12, t.originalAssignee).setParameter(13, t.absenceId).setParameter(14, t.phone)
                .setParameter(15, t.callId).setParameter(16, t.escalationId).setParameter(17, t.discountPercent)
                .setParameter(18, t.familyId).setParameter(19, t.sku).setParameter(20, t.productName)
                .setParameter(21, t.runOutOn)
                .executeUpdate();
        return inserted == 1;
    }

    public List<CallTask> openOf(String kind, UUID customerId) {
        return list("kind = ?1 and customerId = ?2 and status = ?3", kind, customerId, TaskStatus.OPEN);
    }

    /** R25: the customer's open REPLENISHMENT tasks of these product families. */
    public List<CallTask> openReplenishments(UUID customerId, java.util.Collection<UUID> familyIds) {
        return list("kind = ?1 and customerId = ?2 and familyId in ?3 and status = ?4", "REPLENISHMENT", customerId,
                familyIds, TaskStatus.OPEN);
    }

    public List<CallTask> openForOrder(UUID orderId, List<String> kinds) {
        return list("orderId = ?1 and kind in ?2 and status = ?3", orderId, kinds, TaskStatus.OPEN);
    }

    /** Open tasks, optionally of one assignee (empty string: unassigned) and only overdue ones; by priority, then due. */
    public PanacheQuery<CallTask> queue(String assignee, boolean allAssignees, OffsetDateTime overdueAt, int page, int size) {
        StringBuilder q = new StringBuilder("status = :open");
        Parameters p = Parameters.with("open", TaskStatus.OPEN);
        if (!allAssignees) {
            if (assignee == null) {
                q.append(" and assignee is null");
            } else {
                q.append(" and assignee = :assignee");
                p.and("assignee", assignee);
            }
        }
        if (overdueAt != null) {
            q.append(" and dueAt < :now");
            p.and("now", overdueAt);
        }
        q.append(" order by priority, dueAt nulls last, createdAt, id");
        return find(q.toString(), p).page(Page.of(page, size));
    }

    /** The tasks with these ids, in no particular order. */
    public List<CallTask> byIds(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    // --- R22, R10, R19 --------------------------------------------------------------------------------------

    public List<CallTask> openOfAssignee(String assignee) {
        return list("assignee = ?1 and status = ?2", assignee, TaskStatus.OPEN);
    }

    public List<CallTask> openUnderAbsence(UUID absenceId) {
        return list("absenceId = ?1 and status = ?2", absenceId, TaskStatus.OPEN);
    }

    public List<CallTask> openByCause(String kind, String cause) {
        return list("kind = ?1 and cause = ?2 and status = ?3", kind, cause, TaskStatus.OPEN);
    }

    /** Ops: open tasks past their due time. */
    public long countOverdue(OffsetDateTime now) {
        return count("status = ?1 and dueAt < ?2", TaskStatus.OPEN, now);
    }

    /** R22: the customer's open tasks with an assignee that no absence rerouted yet. */
    public List<CallTask> openAssignedOutsideAbsences(UUID customerId) {
        return list("customerId = ?1 and status = ?2 and absenceId is null and assignee is not null",
                customerId, TaskStatus.OPEN);
    }

    /** The customer's open unassigned tasks go to {@code assignee}. */
    public int assignUnassignedOpen(UUID customerId, String assignee) {
        return update("assignee = ?1 where customerId = ?2 and assignee is null and status = ?3", assignee,
                customerId, TaskStatus.OPEN);
    }

    /** A merged customer's open tasks become the survivor's. */
    public int moveOpen(UUID fromCustomerId, UUID toCustomerId) {
        return update("customerId = ?1 where customerId = ?2 and status = ?3", toCustomerId, fromCustomerId, TaskStatus.OPEN);
    }
}
