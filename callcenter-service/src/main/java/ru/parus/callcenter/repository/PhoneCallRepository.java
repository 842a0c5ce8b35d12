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

    /** R18: one PBX call at a time, whatever the replicas: its states may arrive together (until the transaction ends). */
    public void lockPbxCall(String pbxCallId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "pbx:" + pbxCallId)
                .getSingleResult();
    }

    /** R18: records the (PBX call, state) pair; false when it was taken before (a replay). */
    public boolean recordTelephonyEvent(String pbxCallId, String state, OffsetDateTime at, OffsetDateTime receivedAt) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO telephony_event (pbx_call_id, state, at, received_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""").setParameter(1, pbxCallId).setParameter(2, state)
                .setParameter(3, at).setParameter(4, receivedAt).executeUpdate() == 1;
    }
}
