package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import ru.parus.callcenter.domain.ScriptRun;

@ApplicationScoped
public class ScriptRunRepository implements PanacheRepositoryBase<ScriptRun, UUID> {

    /** Runs of one manager (or all, when null) recorded in [from, to), newest first. */
    public PanacheQuery<ScriptRun> search(String managerId, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (managerId != null) {
            q.append(" and managerId = :manager");
            p.and("manager", managerId);
        }
        if (from != null) {
            q.append(" and recordedAt >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and recordedAt < :to");
            p.and("to", to);
        }
        q.append(" order by recordedAt desc, id");
        return find(q.toString(), p).page(Page.of(page, size));
    }
}
