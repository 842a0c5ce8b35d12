package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.Feedback;
import ru.parus.callcenter.domain.FeedbackStatus;
import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.FeedbackAnswered;
import ru.parus.callcenter.event.FeedbackReceived;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.callcenter.repository.FeedbackRepository;
import ru.parus.callcenter.repository.PhoneCallRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R20: customers' complaints and wishes are passed at once to the person responsible for their category
 * ({@code parus.callcenter.feedback.routes.<category>}, else the default, the head) with a deadline, and tracked
 * until answered. FeedbackReceived tells the responsible person (notification-service may listen).
 */
@ApplicationScoped
@Transactional
public class FeedbackService {
    static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final List<String> KINDS = List.of(Feedback.COMPLAINT, Feedback.WISH);
    static final int MAX_TEXT = 4000;

    @Inject
    FeedbackRepository feedback;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    CallCenterConfig config;
    @Inject
    PhoneCallRepository calls;
    @Inject
    RecordAccess access;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;


    /**
     * R20: records the remark, routes it by category and sets its deadline by kind. R24, R22: a known call must be one
     * the caller may act on, and the customer one they may act on (or the call's).
     */
    public Feedback receive(UUID customerId, String kind, String category, String text, UUID callId, UUID orderId,
            String by) {
        if (customerId == null) {
            throw ProblemException.invalidField("customerId", "required");
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw ProblemException.invalidField("kind", "one of COMPLAINT, WISH").with("allowedKinds", KINDS);
        }
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw ProblemException.invalidField("category", "lower-case letters, digits and '-', e.g. delivery");
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "required");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalidField("text", "at most " + MAX_TEXT + " characters");
        }
        if (customers.findById(customerId) == null) {
            throw ProblemException.invalidField("customerId", "unknown customer " + customerId);
        }
        // the call it came from may be registered later (the telephony posts it when it ends): an unknown id is kept
        PhoneCall call = callId == null ? null : calls.findById(callId);
        if (call != null) {
            access.checkCall(call); // R24, R22
        }
        access.checkCustomer(customerId, call == null ? null : call.customerId); // R24, R22
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.customerId = customerId;
        f.kind = kind;
        f.category = category;
        f.text = text.strip();
        f.callId = callId;
        f.orderId = orderId;
        f.responsible = responsibleFor(category);
        f.status = FeedbackStatus.OPEN;
        f.createdBy = by;
        f.createdAt = now();
        f.deadline = f.createdAt.plus(answerWithin(kind));
        feedback.persist(f);
        // R20: passed at once to the responsible person; R6: registered
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.FEEDBACK, f.id, CallCenterEvents.FEEDBACK_RECEIVED,
                new FeedbackReceived(f.id, f.customerId, f.kind, f.category, f.text, f.callId, f.orderId, f.responsible,
                        f.deadline, f.createdBy, f.createdAt));
        feedback.flush();
        return f;
    }

    /** R20: routing by category (configurable), else the default responsible person. */
    public String responsibleFor(String category) {
        String routed = config.feedback().routes().get(category);
        return routed == null || routed.isBlank() ? config.feedback().defaultResponsible() : routed;
    }

    /** R20: deadline by kind. */
    Duration answerWithin(String kind) {
        return Feedback.COMPLAINT.equals(kind) ? config.feedback().complaintAnswerWithin()
                : config.feedback().wishAnswerWithin();
    }

    /**
     * R20: the responsible person (or their deputy, R22) or the head, the director, the admin answers (R24), once;
     * whether a complaint was justified is recorded (R23).
     */
    public Feedback answer(UUID id, String answer, Boolean justified, String by) {
        if (answer == null || answer.isBlank()) {
            throw ProblemException.invalidField("answer", "required");
        }
        if (answer.length() > MAX_TEXT) {
            throw ProblemException.invalidField("answer", "at most " + MAX_TEXT + " characters");
        }
        if (justified == null) {
            throw ProblemException.invalidField("justified", "required: true or false");
        }
        Feedback f = feedback.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Feedback", id));
        access.checkFeedback(f); // R24, R22
        if (!f.answer(answer.strip(), justified, by, now())) {
            throw new ProblemException(ProblemType.CONFLICT, "Already answered").with("currentStatus", f.status.name());
        }
        boolean onTime = f.answeredOnTime();
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.FEEDBACK, f.id, CallCenterEvents.FEEDBACK_ANSWERED,
                new FeedbackAnswered(f.id, f.customerId, f.kind, f.category, f.responsible, f.answer, justified,
                        f.answeredBy, f.answeredAt, onTime));
        feedback.flush();
        return f;
    }

    /**
     * The tracking list. {@code responsible}: {@code me} or a staff id (R24, R22: the head, the director, the admin
     * anyone's, a manager a colleague's they deputise for); without it a manager sees what they are responsible for or
     * entered, the others everything.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Feedback> list(String viewer, boolean seesAll, String status, String responsible, String overdue,
            Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, 20, config.maxPageSize());
        int p = paging.page();
        int s = paging.size();
        FeedbackStatus wanted;
        try {
            wanted = status == null ? null : FeedbackStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "OPEN or ANSWERED");
        }
        boolean onlyOverdue;
        if (overdue == null || overdue.equalsIgnoreCase("false")) {
            onlyOverdue = false;
        } else if (overdue.equalsIgnoreCase("true")) {
            onlyOverdue = true;
        } else {
            throw ProblemException.invalidField("overdue", "must be true or false");
        }
        String who = null;
        String involving = null;
        if (responsible == null) {
            involving = seesAll ? null : viewer;
        } else {
            who = seesAll ? (responsible.equals("me") ? viewer : responsible) : access.staffFilter(responsible);
        }
        PanacheQuery<Feedback> q = feedback.search(wanted, who, involving, onlyOverdue ? now() : null, p, s);
        return Page.of(paging, q.count(), q.list());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
