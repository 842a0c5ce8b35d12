package ru.parus.callcenter.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.callcenter.domain.ScriptRun;
import ru.parus.callcenter.domain.ScriptStatus;
import ru.parus.callcenter.domain.ScriptVersion;
import ru.parus.callcenter.domain.ScriptWalk;
import ru.parus.callcenter.domain.StepAnswer;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.repository.PhoneCallRepository;
import ru.parus.callcenter.repository.ScriptRunRepository;
import ru.parus.callcenter.repository.ScriptVersionRepository;
import ru.parus.callcenter.service.ScriptService.Script;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R17: a call that follows a script records the version used, the path taken and the answers, checked against the
 * script. Each run gets a quality score (mandatory steps covered, offers made) that feeds the KPIs (R23).
 */
@ApplicationScoped
@Transactional
public class ScriptRunService {
    static final TypeReference<List<StepAnswer>> ANSWERS = new TypeReference<>() {
    };
    static final TypeReference<List<String>> PATH = new TypeReference<>() {
    };

    @Inject
    ScriptVersionRepository versions;
    @Inject
    ScriptService scripts;
    @Inject
    ScriptRunRepository runs;
    @Inject
    CallTaskRepository tasks;
    @Inject
    PhoneCallRepository calls;
    @Inject
    RecordAccess access;
    @Inject
    CallCenterConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** R17: a call that followed a script, as the request checked it: a script code and at least one answer. */
    public record NewRun(String scriptCode, Integer scriptVersion, UUID taskId, UUID callId, UUID customerId,
            List<StepAnswer> answers) {
    }



    /** R23 input: a manager's script quality over a period. */
    public record QualitySummary(String managerId, long runs, BigDecimal averageQuality, long offersMade,
            long mandatoryOnPath, long mandatoryCovered) {
    }

    /**
     * R17: records a call that followed the approved version of {@code scriptCode} ({@code scriptVersion}, when
     * given, must be that version: a draft or a retired one is 409). The answers are walked from the start step:
     * each recorded step must be reachable from where the previous answer led (steps between are skipped ones and
     * belong to the path), and each answer must be one the step allows. R24, R22: the task and a known call must be
     * ones the caller may act on, and so must a customer given that is not theirs.
     */
    public ScriptRun record(NewRun r, String managerId) {
        String scriptCode = r.scriptCode();
        Integer scriptVersion = r.scriptVersion();
        UUID taskId = r.taskId();
        UUID callId = r.callId();
        UUID customerId = r.customerId();
        List<StepAnswer> answers = r.answers();
        ScriptVersion used = usedVersion(scriptCode, scriptVersion);
        UUID taskCustomer = null;
        if (taskId != null) {
            CallTask task = tasks.findByIdOptional(taskId)
                    .orElseThrow(() -> ProblemException.invalidField("taskId", "no call task " + taskId));
            access.checkTask(task); // R24, R22: runs of the caller's tasks (or a deputised colleague's)
            if (task.script != null && !task.script.equals(scriptCode)) {
                throw ProblemException.invalidField("scriptCode", "the task " + taskId + " is to be called by " + task.script)
                        .with("taskScript", task.script);
            }
            taskCustomer = task.customerId;
            if (customerId == null) {
                customerId = task.customerId;
            }
        }
        // a call registered apart may come later (the telephony posts it when it ends): an unknown id is kept as given
        PhoneCall call = callId == null ? null : calls.findById(callId);
        if (call != null) {
            access.checkCall(call); // R24, R22
        }
        access.checkCustomer(customerId, taskCustomer, call == null ? null : call.customerId); // R24, R22
        Script script = scripts.read(used);
        ScriptWalk walk = walk(script, answers);

        ScriptRun run = new ScriptRun();
        run.id = UUID.randomUUID();
        run.scriptCode = used.code;
        run.scriptVersion = used.version;
        run.taskId = taskId;
        run.callId = callId;
        run.customerId = customerId;
        run.managerId = managerId;
        run.path = write(walk.path());
        run.answers = write(answers);
        run.mandatoryOnPath = walk.mandatoryOnPath().size();
        run.mandatoryCovered = walk.mandatoryCovered().size();
        run.offersMade = walk.offersMade();
        run.quality = walk.quality();
        run.recordedAt = now();
        runs.persist(run);
        return run;
    }

    /** R17: only the approved version is used. */
    private ScriptVersion usedVersion(String code, Integer requested) {
        if (requested != null) {
            ScriptVersion v = versions.version(code, requested)
                    .orElseThrow(() -> ProblemException.notFound("Script version", code + " v" + requested));
            if (v.status != ScriptStatus.APPROVED) {
                throw new ProblemException(ProblemType.CONFLICT, "Only the approved version of a script is used; "
                        + code + " v" + requested + " is " + v.status).with("currentStatus", v.status.name());
            }
            return v;
        }
        return versions.approved(code).orElseThrow(() -> versions.versions(code).isEmpty()
                ? ProblemException.notFound("Script", code)
                : new ProblemException(ProblemType.CONFLICT, "Script " + code + " has no approved version yet; "
                        + "drafts are not used").with("currentStatus", ScriptStatus.DRAFT.name()));
    }

    /** R17: the script's walk of the answers; 400 naming the bad answer. */
    static ScriptWalk walk(Script script, List<StepAnswer> answers) {
        try {
            return ScriptWalk.of(script.version().code + " v" + script.version().version, script.version().startStep,
                    script.byId(), answers);
        } catch (ScriptWalk.Refused r) {
            if (r.step() == null) {
                throw ProblemException.invalidField(r.field(), r.getMessage());
            }
            ProblemException problem = invalid(r.field(), r.step(), r.getMessage());
            throw r.allowedAnswers() == null ? problem : problem.with("allowedAnswers", r.allowedAnswers());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScriptRun> search(String managerId, OffsetDateTime from, OffsetDateTime to, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, 20, config.maxPageSize());
        int p = paging.page();
        int s = paging.size();
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        PanacheQuery<ScriptRun> q = runs.search(managerId, from, to, p, s);
        return Page.of(paging, q.count(), q.list());
    }

    /**
     * R23 (script quality, for the KPIs): the average of the runs' quality scores of a manager recorded in
     * [from, to), with the offers made and the mandatory steps; 0 runs give an average of null.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QualitySummary averageQuality(String managerId, OffsetDateTime from, OffsetDateTime to) {
        Object[] row = runs.quality(managerId, from, to);
        long count = ((Number) row[0]).longValue();
        BigDecimal avg = row[1] == null ? null
                : new BigDecimal(row[1].toString()).setScale(4, RoundingMode.HALF_UP);
        return new QualitySummary(managerId, count, avg, ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue());
    }

    public List<String> path(ScriptRun run) {
        return read(run.path, PATH);
    }

    public List<StepAnswer> answers(ScriptRun run) {
        return read(run.answers, ANSWERS);
    }

    /** R24: a run shows the customer's answers (blanked on erasure): their words are personal data. */
    public List<String> personalFields(ScriptRun run) {
        return answers(run).stream().anyMatch(a -> a != null && a.answer() != null && !a.answer().isBlank())
                ? List.of("notes") : List.of();
    }

    private static ProblemException invalid(String field, String step, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message))).with("step", step);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
