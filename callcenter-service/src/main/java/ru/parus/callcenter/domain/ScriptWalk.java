package ru.parus.callcenter.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R17: a call's way through a script: the recorded answers walked from the start step, each recorded step reachable
 * from where the previous answer led (the steps between were skipped and belong to the path), each answer one the
 * step allows. Its quality is the mandatory steps covered over the mandatory steps on the path.
 */
public record ScriptWalk(List<String> path, Set<String> mandatoryOnPath, Set<String> mandatoryCovered, int offersMade) {

    /** An answer the script does not allow: the field ({@code answers[i].stepId} or {@code .answer}) and why. */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final String step;
        private final List<String> allowedAnswers;

        Refused(String field, String step, String message, List<String> allowedAnswers) {
            super(message);
            this.field = field;
            this.step = step;
            this.allowedAnswers = allowedAnswers;
        }

        public String field() {
            return field;
        }

        /** The step named, or null when the answer named none. */
        public String step() {
            return step;
        }

        /** The answers the step allows, when a wrong one was given; else null. */
        public List<String> allowedAnswers() {
            return allowedAnswers;
        }
    }

    /**
     * Walks {@code answers} through the steps of {@code script} ({@code byId}) from {@code startStep}.
     *
     * @throws Refused naming the first answer the script does not allow
     */
    public static ScriptWalk of(String script, String startStep, Map<String, ScriptStep> byId, List<StepAnswer> answers) {
        List<String> path = new ArrayList<>();
        Set<String> mandatoryCovered = new LinkedHashSet<>();
        int offers = 0;
        String expected = startStep;
        String previous = null;
        for (int i = 0; i < answers.size(); i++) {
            StepAnswer a = answers.get(i);
            String at = "answers[" + i + "]";
            if (a == null || a.stepId() == null || a.stepId().isBlank()) {
                throw new Refused(at + ".stepId", null, "required", null);
            }
            ScriptStep step = byId.get(a.stepId());
            if (step == null) {
                throw new Refused(at + ".stepId", a.stepId(), "no step " + a.stepId() + " in " + script, null);
            }
            List<String> route = expected == null ? null : route(byId, expected, step.id());
            if (route == null) {
                throw new Refused(at + ".stepId", a.stepId(), "not reachable from "
                        + (previous == null ? "the start step" : "step " + previous + " with the answer given there"), null);
            }
            path.addAll(route);
            String next;
            if (!step.answers().isEmpty()) {
                next = step.answers().stream().filter(x -> x.value().equals(a.answer())).findFirst()
                        .orElseThrow(() -> new Refused(at + ".answer", a.stepId(), "not an allowed answer of step "
                                + step.id(), step.answers().stream().map(ScriptStep.Answer::value).toList()))
                        .next();
            } else {
                if (step.freeAnswer() && (a.answer() == null || a.answer().isBlank())) {
                    throw new Refused(at + ".answer", a.stepId(),
                            "the customer's answer is required at step " + step.id(), null);
                }
                if (!step.freeAnswer() && a.answer() != null && !a.answer().isBlank()) {
                    throw new Refused(at + ".answer", a.stepId(), "step " + step.id() + " takes no answer", null);
                }
                next = step.next();
            }
            if (step.mandatory()) {
                mandatoryCovered.add(step.id());
            }
            if (step.offer()) {
                offers++;
            }
            previous = step.id();
            expected = next;
        }
        Set<String> mandatoryOnPath = new LinkedHashSet<>();
        path.stream().filter(id -> byId.get(id).mandatory()).forEach(mandatoryOnPath::add);
        return new ScriptWalk(path, mandatoryOnPath, mandatoryCovered, offers);
    }

    /** The shortest route {@code from} .. {@code to} (both included), or null when {@code to} cannot be reached. */
    static List<String> route(Map<String, ScriptStep> byId, String from, String to) {
        Map<String, String> cameFrom = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, null);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (id.equals(to)) {
                List<String> route = new ArrayList<>();
                for (String s = to; s != null; s = cameFrom.get(s)) {
                    route.add(0, s);
                }
                return route;
            }
            for (String n : byId.get(id).exits()) {
                if (n != null && !cameFrom.containsKey(n)) {
                    cameFrom.put(n, id);
                    queue.add(n);
                }
            }
        }
        return null;
    }

    /** Mandatory steps covered / mandatory steps on the path taken, 4 decimals; 1 when the path has none. */
    public BigDecimal quality() {
        return quality(mandatoryCovered.size(), mandatoryOnPath.size());
    }

    static BigDecimal quality(int covered, int onPath) {
        if (onPath == 0) {
            return BigDecimal.ONE.setScale(4);
        }
        return BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(onPath), 4, RoundingMode.HALF_UP);
    }
}
