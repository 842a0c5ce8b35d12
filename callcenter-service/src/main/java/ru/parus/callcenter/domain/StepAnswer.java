package ru.parus.callcenter.domain;

/** R17: one step of a script as it was said in a call, with the customer's answer (none for a step that takes none). */
public record StepAnswer(String stepId, String answer) {
}
