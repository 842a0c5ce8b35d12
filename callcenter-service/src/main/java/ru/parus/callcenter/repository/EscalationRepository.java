package ru.parus.callcenter.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import ru.parus.callcenter.domain.Escalation;
import ru.parus.callcenter.domain.EscalationStatus;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    public Escalation openOfCall(UUID callId) {
        return find("callId = ?1 and status = ?2", callId, EscalationStatus.OPEN).firstResult();
    }

    public PanacheQuery<Escalation> search(EscalationStatus status, int page, int size) {
        PanacheQuery<Escalation> q = status == null ? find("order by createdAt desc, id")
                : find("status = ?1 order by createdAt desc, id", status);
        return q.page(Page.of(page, size));
    }
}
