package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import ru.parus.callcenter.domain.PhoneCall;

@ApplicationScoped
public class PhoneCallRepository implements PanacheRepositoryBase<PhoneCall, UUID> {

    public PhoneCall byPbxCallId(String pbxCallId) {
        return find("pbxCallId", pbxCallId).firstResult();
    }

    /** Calls newest first, filtered by managers ({@code null}: anyone's), customer and start time [from, to). */
    public PanacheQuery<PhoneCall> search(Collection<String> managerIds, UUID customerId, OffsetDateTime from,
            OffsetDateTime to, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (managerIds != null) {
            q.append(" and managerId in :managers");
            p.and("managers", managerIds);
        }
        if (customerId != null) {
            q.append(" and customerId = :customer");
            p.and("customer", customerId);
        }
        if (from != null) {
            q.append(" and startedAt >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and startedAt < :to");
            p.and("to", to);
        }
        q.append(" order by startedAt desc, id");
        return find(q.toString(), p).page(Page.of(page, size));
    }
}
