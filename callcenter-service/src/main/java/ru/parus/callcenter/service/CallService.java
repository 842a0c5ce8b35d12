package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallStatus;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.Escalation;
import ru.parus.callcenter.domain.EscalationStatus;
import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.CallEscalated;
import ru.parus.callcenter.event.CallRegistered;
import ru.parus.callcenter.repository.EscalationRepository;
import ru.parus.callcenter.repository.PhoneCallRepository;
import ru.parus.callcenter.service.CallTaskService.Viewer;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** R18: every call is registered; R19: a call's case is escalated to the head. */
@ApplicationScoped
@Transactional
public class CallService {
    public static final List<String> DIRECTIONS = List.of("INBOUND", "OUTBOUND");
    public static final List<String> PURPOSES = List.of("ORDER", "REFERENCE", "COMPLAINT", "OTHER");

    @Inject
    PhoneCallRepository calls;
    @Inject
    EscalationRepository escalations;
    @Inject
    CustomerPhones customerPhones;
    @Inject
    PhoneNumbers phoneNumbers;
    @Inject
    CallTaskService taskService;
    @Inject
    TaskQueue queue;
    @Inject
    StaffService staff;
    @Inject
    CallCenterConfig config;
    @Inject
    Outbox outbox;
    @Inject
    RecordAccess access;
    @Inject
    BestHours bestHours;
    @Inject
    Clock clock;

    public record NewCall(String direction, String phone, UUID customerId, OffsetDateTime startedAt,
            OffsetDateTime endedAt, String purpose, String outcome, UUID orderId, UUID taskId, String notes) {
    }


    /**
     * R18 (R6): registers a call made or taken by the caller: the phone in E.164, the customer matched by phone unless
     * given, the duration from start and end. A linked task is completed with the call's outcome (by whoever may act
     * on it, R24, R22). A customer given explicitly must be one the caller may act on (R24, R22), unless it is the
     * linked task's. Publishes CallRegistered.
     */
    public PhoneCall register(NewCall c, Viewer viewer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (c.direction() == null || !DIRECTIONS.contains(c.direction())) {
            errors.add(new Problem.FieldError("direction", "one of INBOUND, OUTBOUND"));
        }
        String phone = null;
        try {
            phone = phoneNumbers.normalize("phone", c.phone());
        } catch (ProblemException e) {
            errors.add(new Problem.FieldError("phone", e.getMessage().substring("phone: ".length())));
        }
        if (c.startedAt() == null) {
            errors.add(new Problem.FieldError("startedAt", "required"));
        }
        if (c.endedAt() == null) {
            errors.add(new Problem.FieldError("endedAt", "required"));
        } else if (c.startedAt() != null && c.endedAt().isBefore(c.startedAt())) {
            errors.add(new Problem.FieldError("endedAt", "not before startedAt"));
        }
        if (c.purpose() == null || !PURPOSES.contains(c.purpose())) {
            errors.add(new Problem.FieldError("purpose", "one of " + String.join(", ", PURPOSES)));
        }
        if (c.outcome() == null || !config.outcomes().contains(c.outcome())) {
            errors.add(new Problem.FieldError("outcome", "one of parus.callcenter.outcomes"));
        }
        if (c.notes() != null && c.notes().length() > 4000) {
            errors.add(new Problem.FieldError("notes", "at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The call has invalid fields", errors)
                    .with("allowedOutcomes", config.outcomes());
        }
        PhoneCall call = new PhoneCall();
        call.id = UUID.randomUUID();
        call.direction = c.direction();
        call.phone = phone;
        call.customerId = c.customerId() != null ? c.customerId() : customerPhones.match(phone);
        call.managerId = viewer.id();
        call.status = CallStatus.COMPLETED;
        call.startedAt = utc(c.startedAt());
        call.answeredAt = call.startedAt;
        call.endedAt = utc(c.endedAt());
        call.durationSeconds = Duration.between(call.startedAt, call.endedAt).toSeconds();
        call.purpose = c.purpose();
        call.outcome = c.outcome();
        call.orderId = c.orderId();
        call.taskId = c.taskId();
        call.notes = c.notes();
        call.source = "MANUAL";
        call.registeredBy = viewer.id();
        call.createdAt = now();
        CallTask task = null;
        if (c.taskId() != null) {
            // the call a task asked for: the task is done with the call's outcome
            task = taskService.complete(c.taskId(), viewer, c.outcome(), c.notes(), null);
            if (call.customerId == null) {
                call.customerId = task.customerId;
            }
            if (call.orderId == null) {
                call.orderId = task.orderId;
            }
        }
        // R24, R22: a customer named by the caller (one matched by phone is whoever called)
        access.checkCustomer(c.customerId(), task == null ? null : task.customerId);
        if (task != null) {
            // R23 (issue 17): inside the task's suggested window as it stood when the call began, before this call counts
            call.inSuggestedWindow = bestHours.insideWindow(task.id, call.startedAt);
        }
        calls.persist(call);
        registered(call);
        calls.flush();
        return call;
    }

    /** R6: the CallRegistered event of a finished call; issue 17: the call counts in the reach rates by hour. */
    @Transactional(Transactional.TxType.MANDATORY)
    void registered(PhoneCall call) {
        bestHours.count(call);
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.CALL, call.id, CallCenterEvents.CALL_REGISTERED,
                new CallRegistered(call.id, call.pbxCallId, call.direction, call.status.name(), call.phone, call.customerId,
                        call.managerId, call.startedAt, call.endedAt, call.durationSeconds, call.purpose, call.outcome,
                        call.orderId, call.taskId, call.source, now()));
    }

    /** A call (404 if unknown); R24, R22: a manager reads their own calls and a deputised colleague's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PhoneCall get(UUID id, Viewer viewer) {
        PhoneCall call = calls.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Call", id));
        access.checkCall(call); // R24, R22
        return call;
    }

    /**
     * Calls, newest first; R24, R22: a manager lists their own and those of the colleagues they deputise for now
     * (without managerId), or one of these by managerId ({@code me} for their own; another's 403); the head, the
     * director and the admin anyone's (all without managerId).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PhoneCall> list(Viewer viewer, String managerId, UUID customerId, OffsetDateTime from, OffsetDateTime to,
            Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, 20, config.maxPageSize());
        int p = paging.page();
        int s = paging.size();
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        Collection<String> managers;
        if (viewer.seesAll()) {
            managers = managerId == null || managerId.isBlank() ? null
                    : Set.of("me".equals(managerId) ? viewer.id() : managerId);
        } else if (managerId == null || managerId.isBlank()) {
            managers = access.actsFor(); // R24, R22: own and deputised colleagues' calls
        } else {
            managers = Set.of(access.staffFilter(managerId)); // R24, R22
        }
        PanacheQuery<PhoneCall> q = calls.search(managers, customerId, from, to, p, s);
        return Page.of(paging, q.count(), q.list());
    }

    /**
     * R19: whoever may act on the call (its manager, their deputy, R22, or the head; R24) transfers the case to the
     * head (the staff table's head of the call's manager, else the configured default head) with a reason: an ESCALATION task for the head, CallEscalated. One open escalation per
     * call (409).
     */
    public Escalation escalate(UUID callId, String reason, Viewer viewer) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "required");
        }
        if (reason.length() > 2000) {
            throw ProblemException.invalidField("reason", "at most 2000 characters");
        }
        PhoneCall call = calls.findByIdOptional(callId).orElseThrow(() -> ProblemException.notFound("Call", callId));
        access.checkCall(call); // R24, R22
        Escalation open = escalations.openOfCall(callId);
        if (open != null) {
            throw new ProblemException(ProblemType.CONFLICT, "The call is already escalated")
                    .with("escalationId", open.id);
        }
        String head = staff.headOf(call.managerId);
        if (head == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "No head to escalate to: the staff table names none and parus.callcenter.default-head-id is unset");
        }
        Escalation e = new Escalation();
        e.id = UUID.randomUUID();
        e.callId = callId;
        e.customerId = call.customerId;
        e.managerId = call.managerId;
        e.headId = head;
        e.reason = reason;
        e.status = EscalationStatus.OPEN;
        e.createdAt = now();
        escalations.persist(e);
        escalations.flush();
        CallTask task = queue.escalationTask(e.id, callId, call.customerId, head);
        e.taskId = task == null ? null : task.id;
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.ESCALATION, e.id, CallCenterEvents.CALL_ESCALATED,
                new CallEscalated(e.id, callId, e.customerId, e.managerId, e.headId, reason, e.taskId, e.createdAt));
        escalations.flush();
        return e;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
