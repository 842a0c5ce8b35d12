package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.Escalation;
import ru.parus.callcenter.domain.EscalationStatus;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.CallTaskCompleted;
import ru.parus.callcenter.event.EscalationResolved;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.repository.EscalationRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** R19: the head records the resolution of an escalated case. */
@ApplicationScoped
@Transactional
public class EscalationService {
    public static final String RESOLVED_OUTCOME = "ESCALATION_RESOLVED";

    @Inject
    EscalationRepository escalations;
    @Inject
    CallTaskRepository tasks;
    @Inject
    CallCenterConfig config;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;


    @Transactional(Transactional.TxType.SUPPORTS)
    public Escalation get(UUID id) {
        return escalations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Escalation", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Escalation> list(String status, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, 20, config.maxPageSize());
        int p = paging.page();
        int s = paging.size();
        EscalationStatus wanted;
        try {
            wanted = status == null ? null : EscalationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "OPEN or RESOLVED");
        }
        PanacheQuery<Escalation> q = escalations.search(wanted, p, s);
        return Page.of(paging, q.count(), q.list());
    }

    /**
     * R19: the resolution (checked on the request: present, at most 4000 characters) is recorded once (409 after), the
     * head's task is done, EscalationResolved is published.
     */
    public Escalation resolve(UUID id, String resolution, String by) {
        Escalation e = get(id);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (!e.resolve(resolution, by, now)) {
            throw new ProblemException(ProblemType.CONFLICT, "The escalation is already resolved")
                    .with("currentStatus", e.status.name());
        }
        CallTask t = e.taskId == null ? null : tasks.findById(e.taskId);
        if (t != null && t.complete(by, RESOLVED_OUTCOME,
                resolution.length() > 2000 ? resolution.substring(0, 2000) : resolution, now)) {
            boolean onTime = t.completedOnTime();
            outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.TASK, t.id, CallCenterEvents.TASK_COMPLETED,
                    new CallTaskCompleted(t.id, t.kind, t.customerId, t.orderId, t.assignee, t.outcome, t.note,
                            t.completedBy, t.completedAt, onTime));
        }
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.ESCALATION, e.id, CallCenterEvents.ESCALATION_RESOLVED,
                new EscalationResolved(e.id, e.callId, e.customerId, e.managerId, e.headId, resolution, by, now));
        escalations.flush();
        return e;
    }
}
