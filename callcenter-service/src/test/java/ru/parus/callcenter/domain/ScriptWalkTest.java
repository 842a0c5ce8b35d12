package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** R17: the walk of a call's answers through a script; plain JUnit, no Quarkus. */
class ScriptWalkTest {
    /** a (mandatory, да/нет) -> да: b (skippable), нет: d; b -> c (mandatory, offer, free answer) -> end; d -> end. */
    static final Map<String, ScriptStep> STEPS = byId(
            new ScriptStep("a", "Здравствуйте", true, false,
                    List.of(new ScriptStep.Answer("да", "b"), new ScriptStep.Answer("нет", "d")), false, null),
            new ScriptStep("b", "Напомню о заказе", false, false, List.of(), false, "c"),
            new ScriptStep("c", "Что предложить?", true, true, List.of(), true, null),
            new ScriptStep("d", "До свидания", false, false, List.of(), false, null));

    static Map<String, ScriptStep> byId(ScriptStep... steps) {
        Map<String, ScriptStep> out = new LinkedHashMap<>();
        for (ScriptStep s : steps) {
            out.put(s.id(), s);
        }
        return out;
    }

    static ScriptWalk walk(StepAnswer... answers) {
        return ScriptWalk.of("test v1", "a", STEPS, List.of(answers));
    }

    @Test
    void R17_skippedStepsBetweenRecordedOnesBelongToThePath() {
        ScriptWalk w = walk(new StepAnswer("a", "да"), new StepAnswer("c", "скидку"));
        assertEquals(List.of("a", "b", "c"), w.path());
        assertEquals(Set.of("a", "c"), w.mandatoryOnPath());
        assertEquals(Set.of("a", "c"), w.mandatoryCovered());
        assertEquals(1, w.offersMade());
        assertEquals(new BigDecimal("1.0000"), w.quality());
    }

    @Test
    void R17_aSkippedMandatoryStepLowersTheQuality() {
        ScriptWalk w = walk(new StepAnswer("b", null), new StepAnswer("c", "ничего"));
        assertEquals(List.of("a", "b", "c"), w.path());
        assertEquals(new BigDecimal("0.5000"), w.quality());
        ScriptWalk skippedAll = walk(new StepAnswer("d", null));
        assertEquals(List.of("a", "d"), skippedAll.path());
        assertEquals(new BigDecimal("0.0000"), skippedAll.quality());
    }

    @Test
    void R17_aStepNotReachableFromTheAnswerGivenIsRefused() {
        ScriptWalk.Refused r = assertThrows(ScriptWalk.Refused.class,
                () -> walk(new StepAnswer("a", "нет"), new StepAnswer("b", null)));
        assertEquals("answers[1].stepId", r.field());
        assertEquals("b", r.step());
        assertEquals("not reachable from step a with the answer given there", r.getMessage());
    }

    @Test
    void R17_answersMustBeOnesTheStepAllows() {
        ScriptWalk.Refused wrong = assertThrows(ScriptWalk.Refused.class, () -> walk(new StepAnswer("a", "может")));
        assertEquals("answers[0].answer", wrong.field());
        assertEquals(List.of("да", "нет"), wrong.allowedAnswers());
        ScriptWalk.Refused missing = assertThrows(ScriptWalk.Refused.class,
                () -> walk(new StepAnswer("a", "да"), new StepAnswer("c", " ")));
        assertEquals("answers[1].answer", missing.field());
        ScriptWalk.Refused extra = assertThrows(ScriptWalk.Refused.class,
                () -> walk(new StepAnswer("a", "нет"), new StepAnswer("d", "пока")));
        assertEquals("step d takes no answer", extra.getMessage());
        ScriptWalk.Refused unnamed = assertThrows(ScriptWalk.Refused.class, () -> walk(new StepAnswer(null, "да")));
        assertNull(unnamed.step());
        assertEquals("required", unnamed.getMessage());
    }
}
