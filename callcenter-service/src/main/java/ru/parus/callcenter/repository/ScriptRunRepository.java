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

    /** R23: count, average quality, offers made, mandatory steps on the path and covered of a manager's runs in [from, to). */
    public Object[] quality(String managerId, OffsetDateTime from, OffsetDateTime to) {
        return (Object[]) getEntityManager().createQuery("""
                select count(r), avg(r.quality), coalesce(sum(r.offersMade), 0), coalesce(sum(r.mandatoryOnPath), 0),
                       coalesce(sum(r.mandatoryCovered), 0)
                from ScriptRun r where r.managerId = ?1 and r.recordedAt >= ?2 and r.recordedAt < ?3""")
                .setParameter(1, managerId).setParameter(2, from).setParameter(3, to).getSingleResult();
    }
}
