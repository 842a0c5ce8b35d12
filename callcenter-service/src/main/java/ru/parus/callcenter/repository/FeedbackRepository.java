package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import ru.parus.callcenter.domain.Feedback;
import ru.parus.callcenter.domain.FeedbackStatus;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    /**
     * Feedback filtered by status, responsible person ({@code null}: anyone), {@code involving} (responsible or
     * author: what a manager may see), and overdue (open past the deadline at {@code overdueAt}); by deadline.
     */
    public PanacheQuery<Feedback> search(FeedbackStatus status, String responsible, String involving, OffsetDateTime overdueAt,
            int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (responsible != null) {
            q.append(" and responsible = :responsible");
            p.and("responsible", responsible);
        }
        if (involving != null) {
            q.append(" and (responsible = :me or createdBy = :me)");
            p.and("me", involving);
        }
        if (overdueAt != null) {
            q.append(" and status = :open and deadline < :now");
            p.and("open", FeedbackStatus.OPEN).and("now", overdueAt);
        }
        q.append(" order by deadline, id");
        return find(q.toString(), p).page(Page.of(page, size));
    }
}
