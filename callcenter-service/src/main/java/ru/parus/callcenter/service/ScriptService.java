package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.callcenter.domain.ScriptStep;
import ru.parus.callcenter.domain.ScriptStatus;
import ru.parus.callcenter.domain.ScriptVersion;
import ru.parus.callcenter.repository.ScriptVersionRepository;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R17: call scripts are approved, versioned, branching scenarios. The head writes a version (a DRAFT, checked to
 * be a well-formed graph), approves it (the previous approved version is RETIRED), and only the approved version
 * is ever used.
 */
@ApplicationScoped
@Transactional
public class ScriptService {
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");
    static final TypeReference<List<ScriptStep>> STEPS = new TypeReference<>() {
    };

    @Inject
    ScriptVersionRepository versions;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** A version with its steps read. */
    public record Script(ScriptVersion version, List<ScriptStep> steps) {
        public Map<String, ScriptStep> byId() {
            Map<String, ScriptStep> m = new LinkedHashMap<>();
            steps.forEach(s -> m.put(s.id(), s));
            return m;
        }
    }

    /** R17: a new DRAFT version of the script {@code code}, numbered after the last one; the graph is checked first. */
    public Script createDraft(String code, String title, String startStep, List<ScriptStep> steps, String by) {
        checkCode(code);
        if (title == null || title.isBlank()) {
            throw ProblemException.invalidField("title", "required");
        }
        validate(startStep, steps);
        ScriptVersion v = new ScriptVersion();
        v.id = UUID.randomUUID();
        v.code = code;
        v.version = versions.lastVersion(code) + 1;
        v.status = ScriptStatus.DRAFT;
        v.title = title.strip();
        v.startStep = startStep;
        v.steps = write(steps);
        v.createdBy = by;
        v.createdAt = now();
        versions.persist(v);
        try {
            versions.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // (code, version) is unique: the head wrote another version of this script at the same moment
            throw new ProblemException(ProblemType.CONCURRENT_MODIFICATION,
                    "Another version of " + code + " was written meanwhile; send it again");
        }
        return new Script(v, steps);
    }

    /** R17: the head approves a DRAFT; the approved version before it is RETIRED. Approving is the only way to use a version. */
    public Script approve(String code, int version, String by) {
        ScriptVersion v = versions.version(code, version)
                .orElseThrow(() -> ProblemException.notFound("Script version", code + " v" + version));
        if (!v.status.canMoveTo(ScriptStatus.APPROVED)) {
            throw new ProblemException(ProblemType.CONFLICT, "Only a DRAFT can be approved; " + code + " v" + version
                    + " is " + v.status).with("currentStatus", v.status.name());
        }
        versions.approved(code).ifPresent(previous -> {
            previous.retire(now());
            versions.flush(); // at most one APPROVED per code (unique index): retire before approving
        });
        v.approve(by, now());
        versions.flush();
        return read(v);
    }

    /** R17: the version in use: the approved one (404 when none is approved). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Script approved(String code) {
        return read(versions.approved(code).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "Script " + code + " has no approved version")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Script> versions(String code) {
        List<ScriptVersion> all = versions.versions(code);
        if (all.isEmpty()) {
            throw ProblemException.notFound("Script", code);
        }
        return all.stream().map(this::read).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Script read(ScriptVersion v) {
        try {
            return new Script(v, mapper.readValue(v.steps, STEPS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("script " + v.code + " v" + v.version + " has unreadable steps", e);
        }
    }

    static void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalidField("code", "lower-case letters, digits and '-', up to 60, e.g. dormant-customer");
        }
    }

    /**
     * R17: a script is a well-formed graph: step ids unique, the start step exists, every next step exists, every
     * step is reachable from the start, and from every step an end can be reached. The problem names the bad step
     * ({@code step}) and the field.
     */
    public static void validate(String startStep, List<ScriptStep> steps) {
        if (steps == null || steps.isEmpty()) {
            throw ProblemException.invalidField("steps", "at least one step");
        }
        Map<String, ScriptStep> byId = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ScriptStep s = steps.get(i);
            String at = "steps[" + i + "]";
            if (s == null) {
                throw ProblemException.invalidField(at, "null step");
            }
            if (s.id() == null || !STEP_ID.matcher(s.id()).matches()) {
                throw bad(at + ".id", s.id(), "letters, digits, '_' or '-', up to 60");
            }
            if (byId.put(s.id(), s) != null) {
                throw bad(at + ".id", s.id(), "duplicate step id " + s.id());
            }
            if (s.prompt() == null || s.prompt().isBlank()) {
                throw bad(at + ".prompt", s.id(), "required");
            }
            if (!s.answers().isEmpty() && (s.freeAnswer() || s.next() != null)) {
                throw bad(at, s.id(), "a step lists answers (each with its next step) or takes a free answer with next, not both");
            }
            Set<String> values = new HashSet<>();
            for (int j = 0; j < s.answers().size(); j++) {
                ScriptStep.Answer a = s.answers().get(j);
                if (a == null || a.value() == null || a.value().isBlank()) {
                    throw bad(at + ".answers[" + j + "].value", s.id(), "required");
                }
                if (!values.add(a.value())) {
                    throw bad(at + ".answers[" + j + "].value", s.id(), "duplicate answer " + a.value());
                }
            }
        }
        if (startStep == null || !byId.containsKey(startStep)) {
            throw ProblemException.invalidField("startStep", "no step with id " + startStep).with("step", startStep);
        }
        for (int i = 0; i < steps.size(); i++) {
            ScriptStep s = steps.get(i);
            for (int j = 0; j < s.answers().size(); j++) {
                String next = s.answers().get(j).next();
                if (next != null && !byId.containsKey(next)) {
                    throw bad("steps[" + i + "].answers[" + j + "].next", s.id(), "no step with id " + next);
                }
            }
            if (s.next() != null && !byId.containsKey(s.next())) {
                throw bad("steps[" + i + "].next", s.id(), "no step with id " + s.next());
            }
        }
        // every step reachable from the start
        Set<String> reached = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(startStep));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                byId.get(id).exits().stream().filter(n -> n != null).forEach(todo::push);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!reached.contains(steps.get(i).id())) {
                throw bad("steps[" + i + "]", steps.get(i).id(), "unreachable from the start step " + startStep);
            }
        }
        // an end reachable from every step: walk backwards from the steps that can end
        Map<String, List<String>> into = new HashMap<>();
        Set<String> canEnd = new HashSet<>();
        for (ScriptStep s : steps) {
            for (String n : s.exits()) {
                if (n == null) {
                    canEnd.add(s.id());
                } else {
                    into.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(s.id());
                }
            }
        }
        ArrayDeque<String> back = new ArrayDeque<>(canEnd);
        while (!back.isEmpty()) {
            for (String prev : into.getOrDefault(back.pop(), List.of())) {
                if (canEnd.add(prev)) {
                    back.push(prev);
                }
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!canEnd.contains(steps.get(i).id())) {
                throw bad("steps[" + i + "]", steps.get(i).id(), "no end of the script can be reached from this step");
            }
        }
    }

    private static ProblemException bad(String field, String step, String message) {
        return new ProblemException(ProblemType.VALIDATION, "step " + step + ": " + message,
                List.of(new Problem.FieldError(field, message))).with("step", step);
    }

    private String write(List<ScriptStep> steps) {
        try {
            return mapper.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
