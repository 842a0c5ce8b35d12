package ru.parus.callcenter.domain;

import java.util.List;

/**
 * One step of a call script (R17): what the manager says, whether it may be skipped, whether the manager makes an
 * offer here (upsell or reactivation offer), and where the conversation goes next. A step either lists its
 * {@code answers}, each with the next step, or takes a {@code freeAnswer} and goes to {@code next}; a step with
 * neither is said and goes to {@code next}. A next step of {@code null} ends the script.
 */
public record ScriptStep(String id, String prompt, boolean mandatory, boolean offer, List<Answer> answers,
        boolean freeAnswer, String next) {

    public ScriptStep {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** An allowed answer of a step and the step it leads to ({@code null}: the end). */
    public record Answer(String value, String next) {
    }

    /** Where the conversation goes from this step; empty list entries are not possible, {@code null} is the end. */
    public List<String> exits() {
        if (answers.isEmpty()) {
            return java.util.Collections.singletonList(next);
        }
        return answers.stream().map(Answer::next).toList();
    }
}
