package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.CallTaskCompleted;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

@ApplicationScoped
@Transactional
public class CallTaskService {
    @Inject
    CallTaskRepository tasks;
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

    public record Viewer(String id, boolean seesAll) {
    }

    /** GET /tasks?sort=: by priority, then due time (the default). */
    public static final String SORT_PRIORITY = "priority";
    /** GET /tasks?sort=: issue 17, by the start of the suggested window. */
    public static final String SORT_WINDOW = "suggestedWindow";


    /**
     * A call task by id (404 if unknown); R24, R22: a manager reads their own tasks (assignee or original assignee) and
     * those of a colleague they deputise for, the head, the director and the admin all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CallTask get(UUID id, Viewer viewer) {
        CallTask task = tasks.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Call task", id));
        access.checkTask(task); // R24, R22
        return task;
    }

    /**
     * The queue: open tasks by priority, then due time. {@code assignee} is {@code me}, {@code unassigned} (the
     * head's queue) or a staff id; R24, R22: a manager lists their own or a deputised colleague's. {@code overdue}:
     * due time passed. {@code sort}: {@code priority} (the default) or {@code suggestedWindow} (issue 17: the tasks
     * whose suggested window starts soonest first, those without one last).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CallTask> list(Viewer viewer, String assignee, String overdue, String sort, Integer page, Integer size) {
        boolean byWindow;
        if (sort == null || sort.isBlank() || sort.equals(SORT_PRIORITY)) {
            byWindow = false;
        } else if (sort.equals(SORT_WINDOW)) {
            byWindow = true;
        } else {
            throw ProblemException.invalidField("sort", "one of " + SORT_PRIORITY + ", " + SORT_WINDOW)
                    .with("allowedSorts", List.of(SORT_PRIORITY, SORT_WINDOW));
        }
        PageRequest paging = PageRequest.of(page, size, 20, config.maxPageSize());
        int p = paging.page();
        int s = paging.size();
        boolean onlyOverdue;
        if (overdue == null || overdue.equalsIgnoreCase("false")) {
            onlyOverdue = false;
        } else if (overdue.equalsIgnoreCase("true")) {
            onlyOverdue = true;
        } else {
            throw ProblemException.invalidField("overdue", "must be true or false");
        }
        boolean all = false;
        String who;
        if (assignee == null || assignee.isBlank()) {
            // no filter: the head and the director see the whole queue, a manager their own
            all = viewer.seesAll();
            who = viewer.id();
        } else if (assignee.equals("unassigned")) {
            if (!viewer.seesAll()) {
                throw new ProblemException(ProblemType.FORBIDDEN, "R24: the unassigned tasks are the head's queue");
            }
            who = null;
        } else {
            who = access.staffFilter(assignee); // R24, R22: me, or a colleague the manager deputises for
        }
        OffsetDateTime overdueAt = onlyOverdue ? now() : null;
        PanacheQuery<CallTask> q = tasks.queue(who, all, overdueAt, p, s);
        if (!byWindow) {
            return Page.of(paging, q.count(), q.list());
        }
        List<UUID> ids = bestHours.queueByWindow(who, all, overdueAt, p, s);
        Map<UUID, CallTask> found = new HashMap<>();
        tasks.byIds(ids).forEach(t -> found.put(t.id, t));
        return Page.of(paging, q.count(), ids.stream().map(found::get).filter(Objects::nonNull).toList());
    }

    /**
     * Completes a task with an outcome code from the configured list and a note (R6: every call's result is
     * registered). R24, R22: by whoever may act on the task (its assignee or original assignee, their deputy, the
     * head); once only (409); {@code expectedVersion} from If-Match (412).
     */
    public CallTask complete(UUID id, Viewer viewer, String outcome, String note, Long expectedVersion) {
        if (outcome == null || outcome.isBlank()) {
            throw ProblemException.invalidField("outcome", "required").with("allowedOutcomes", config.outcomes());
        }
        if (!config.outcomes().contains(outcome)) {
            throw ProblemException.invalidField("outcome", "not one of the configured outcome codes")
                    .with("allowedOutcomes", config.outcomes());
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.invalidField("note", "at most 2000 characters");
        }
        CallTask task = tasks.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Call task", id));
        access.checkTask(task); // R24, R22
        if (expectedVersion != null && expectedVersion != task.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The task changed since you read it")
                    .with("currentVersion", task.version);
        }
        if (!task.complete(viewer.id(), outcome, note, now())) {
            throw new ProblemException(ProblemType.CONFLICT, "The task is " + task.status + ", not OPEN")
                    .with("currentStatus", task.status.name());
        }
        boolean onTime = task.completedOnTime();
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.TASK, task.id, CallCenterEvents.TASK_COMPLETED,
                new CallTaskCompleted(task.id, task.kind, task.customerId, task.orderId, task.assignee, outcome, note,
                        task.completedBy, task.completedAt, onTime));
        tasks.flush(); // the version in the answer is the committed one
        return task;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
