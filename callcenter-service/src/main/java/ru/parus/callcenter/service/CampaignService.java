package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.Campaign;
import ru.parus.callcenter.domain.ScriptVersion;
import ru.parus.callcenter.domain.TaskKind;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.CallTaskCreated;
import ru.parus.callcenter.event.CampaignLaunched;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.repository.CampaignRepository;
import ru.parus.callcenter.repository.CampaignRepository.Candidate;
import ru.parus.callcenter.repository.CampaignRepository.Line;
import ru.parus.callcenter.repository.ScriptVersionRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R16: management assigns calls: a list of customers frozen at launch, a purpose, an approved script (R17), a
 * deadline and the assignees; one ASSIGNED call task per customer; the result of each call is reported to whoever
 * assigned it (the campaign report).
 */
@ApplicationScoped
@Transactional
public class CampaignService {
    static final Set<String> STOREFRONTS = Set.of("LACTOMIN", "WATTN", "PHONE");

    @Inject
    CampaignRepository campaigns;
    @Inject
    CallTaskRepository tasks;
    @Inject
    ScriptVersionRepository scripts;
    @Inject
    CallCenterConfig config;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** Selects customers from the projection; every given criterion must hold. */
    public record Selector(String customerType, Boolean dormant, OffsetDateTime lastOrderBefore, String storefront) {
    }

    public record Launch(String name, String purpose, String scriptCode, OffsetDateTime deadline, List<String> assignees,
            List<UUID> customerIds, Selector selector) {
    }

    public record Launched(Campaign campaign, List<String> assignees, Map<String, Integer> perAssignee, int customerCount) {
    }

    public record ManagerLine(String managerId, int assigned, int done, int open, int doneOnTime, int doneLate,
            int overdue) {
    }

    public record Report(Campaign campaign, int customers, int done, int open, int closed, int doneOnTime,
            int overdue, Map<String, Integer> outcomes, List<ManagerLine> managers) {
    }

    /**
     * R16: launches a campaign. The list is frozen now: an explicit list (every customer known to the projection)
     * or the selector's matches. Distribution: a customer whose owner manager is one of the assignees goes to the
     * owner; the others go round-robin over the assignees in the order given (customers in list order, a selector's
     * by id). Each gets one ASSIGNED task with the campaign's script, due at the deadline.
     */
    public Launched launch(Launch l, String by) {
        required("name", l.name());
        required("purpose", l.purpose());
        required("scriptCode", l.scriptCode());
        ScriptVersion script = scripts.approved(l.scriptCode()).orElseThrow(() -> ProblemException
                .invalidField("scriptCode", "no approved version of script " + l.scriptCode() + " (R17)"));
        OffsetDateTime now = now();
        if (l.deadline() == null) {
            throw ProblemException.invalidField("deadline", "required");
        }
        if (!l.deadline().isAfter(now)) {
            throw ProblemException.invalidField("deadline", "must be in the future");
        }
        if (l.assignees() == null || l.assignees().isEmpty()) {
            throw ProblemException.invalidField("assignees", "at least one staff id");
        }
        LinkedHashSet<String> assignees = new LinkedHashSet<>();
        for (int i = 0; i < l.assignees().size(); i++) {
            String a = l.assignees().get(i);
            if (a == null || a.isBlank()) {
                throw ProblemException.invalidField("assignees[" + i + "]", "a staff id");
            }
            assignees.add(a.strip());
        }
        boolean explicit = l.customerIds() != null;
        if (explicit == (l.selector() != null)) {
            throw ProblemException.invalidField("customers", "give either customerIds or a selector");
        }
        List<Candidate> list = explicit ? explicitList(l.customerIds()) : selected(l.selector());
        if (list.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "No customer matches the selector");
        }

        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.name = l.name().strip();
        c.purpose = l.purpose().strip();
        c.scriptCode = script.code;
        c.scriptVersion = script.version;
        c.deadline = l.deadline().withOffsetSameInstant(ZoneOffset.UTC);
        c.assignees = String.join(",", assignees);
        c.selector = explicit ? null : json(l.selector());
        c.createdBy = by;
        c.createdAt = now;
        campaigns.persist(c);
        campaigns.flush(); // campaign_customer refers to it

        List<String> order = new ArrayList<>(assignees);
        Map<String, Integer> perAssignee = new LinkedHashMap<>();
        order.forEach(a -> perAssignee.put(a, 0));
        int next = 0;
        for (Candidate customer : list) {
            String assignee;
            if (customer.ownerManagerId() != null && assignees.contains(customer.ownerManagerId())) {
                assignee = customer.ownerManagerId(); // R16: the owner calls their own customer
            } else {
                assignee = order.get(next++ % order.size());
            }
            perAssignee.merge(assignee, 1, Integer::sum);
            CallTask t = task(c, customer.customerId(), assignee, now);
            campaigns.addCustomer(c.id, customer.customerId(), assignee, t.id);
        }
        // R6: every change is registered
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.CAMPAIGN, c.id, CallCenterEvents.CAMPAIGN_LAUNCHED,
                new CampaignLaunched(c.id, c.name, c.purpose, c.scriptCode, c.scriptVersion, c.deadline, order,
                        list.size(), by, now));
        return new Launched(c, order, perAssignee, list.size());
    }

    private CallTask task(Campaign c, UUID customerId, String assignee, OffsetDateTime now) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.kind = TaskKind.ASSIGNED.name();
        t.cause = "campaign:" + c.id + ":customer:" + customerId;
        t.customerId = customerId;
        t.assignee = assignee;
        t.status = TaskStatus.OPEN;
        t.priority = config.campaignPriority().rank();
        t.script = c.scriptCode;
        t.createdAt = now;
        t.dueAt = c.deadline;
        tasks.insertIfAbsent(t);
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.TASK, t.id, CallCenterEvents.TASK_CREATED,
                new CallTaskCreated(t.id, t.kind, t.cause, t.customerId, null, t.assignee,
                        config.campaignPriority().name(), t.script, t.dueAt, t.createdAt, null));
        return t;
    }

    private List<Candidate> explicitList(List<UUID> ids) {
        if (ids.isEmpty()) {
            throw ProblemException.invalidField("customerIds", "at least one customer");
        }
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.contains(null)) {
            throw ProblemException.invalidField("customerIds", "null id");
        }
        Map<UUID, Candidate> known = new HashMap<>();
        campaigns.known(distinct).forEach(k -> known.put(k.customerId(), k));
        List<UUID> unknown = distinct.stream().filter(id -> !known.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("customerIds", unknown.size() + " unknown customer(s)")
                    .with("unknownCustomerIds", unknown);
        }
        return distinct.stream().map(known::get).toList();
    }

    private List<Candidate> selected(Selector s) {
        if (s.customerType() == null && s.dormant() == null && s.lastOrderBefore() == null && s.storefront() == null) {
            throw ProblemException.invalidField("selector", "at least one of customerType, dormant, lastOrderBefore, storefront");
        }
        if (s.storefront() != null && !STOREFRONTS.contains(s.storefront())) {
            throw ProblemException.invalidField("selector.storefront", "one of LACTOMIN, WATTN, PHONE").with("allowedStorefronts", List.of("LACTOMIN", "WATTN", "PHONE"));
        }
        return campaigns.select(s.customerType(), s.dormant(), s.lastOrderBefore(), s.storefront());
    }

    /**
     * R16: the report, readable by whoever launched the campaign, the director and the admin: totals, outcome
     * counts, and per manager (the assignee at launch) done, open, done on time (by the deadline) and overdue
     * (open past the deadline).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(UUID id, String viewer, boolean directorOrAdmin) {
        Campaign c = campaigns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Campaign", id));
        if (!directorOrAdmin && !c.createdBy.equals(viewer)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The report of campaign " + id
                    + " is for whoever launched it (R16) and the director");
        }
        OffsetDateTime now = now();
        Map<String, int[]> per = new LinkedHashMap<>(); // assigned, done, open, onTime, late, overdue
        for (String a : c.assignees.split(",")) {
            per.put(a, new int[6]);
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        int done = 0, open = 0, closed = 0, onTime = 0, overdue = 0;
        List<Line> lines = campaigns.lines(id);
        for (Line line : lines) {
            int[] m = per.computeIfAbsent(line.assignee(), k -> new int[6]);
            m[0]++;
            if (TaskStatus.DONE.name().equals(line.status())) {
                done++;
                m[1]++;
                outcomes.merge(line.outcome(), 1, Integer::sum);
                if (line.dueAt() == null || !line.completedAt().isAfter(line.dueAt())) {
                    onTime++;
                    m[3]++;
                } else {
                    m[4]++;
                }
            } else if (TaskStatus.OPEN.name().equals(line.status())) {
                open++;
                m[2]++;
                if (line.dueAt() != null && line.dueAt().isBefore(now)) {
                    overdue++;
                    m[5]++;
                }
            } else {
                closed++;
            }
        }
        List<ManagerLine> managers = per.entrySet().stream().map(e -> new ManagerLine(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5])).toList();
        return new Report(c, lines.size(), done, open, closed, onTime, overdue, outcomes, managers);
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "required");
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
