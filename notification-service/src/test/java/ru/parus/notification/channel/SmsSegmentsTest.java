package ru.parus.notification.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ru.parus.notification.service.channel.SmsSegments;
import ru.parus.notification.service.channel.SmsSegments.Encoding;

/** R21: SMS length and encoding, counted as the network bills them. Plain JUnit, no Quarkus. */
class SmsSegmentsTest {
    private static final String CYRILLIC = "Ж";

    @Test
    void R21_latinTextUpTo160CharactersIsOneGsm7Sms() {
        assertEquals(new SmsSegments(Encoding.GSM_7, 160, 1), SmsSegments.of("a".repeat(160)));
        assertEquals(new SmsSegments(Encoding.GSM_7, 161, 2), SmsSegments.of("a".repeat(161)));
    }

    @Test
    void R21_longGsm7TextIsSplitIn153SeptetParts() {
        assertEquals(new SmsSegments(Encoding.GSM_7, 306, 2), SmsSegments.of("a".repeat(306)));
        assertEquals(new SmsSegments(Encoding.GSM_7, 307, 3), SmsSegments.of("a".repeat(307)));
    }

    @Test
    void R21_russianTextIsUcs2With70CharactersInOneSmsAnd67PerPart() {
        assertEquals(new SmsSegments(Encoding.UCS_2, 70, 1), SmsSegments.of(CYRILLIC.repeat(70)));
        assertEquals(new SmsSegments(Encoding.UCS_2, 71, 2), SmsSegments.of(CYRILLIC.repeat(71)));
        assertEquals(new SmsSegments(Encoding.UCS_2, 134, 2), SmsSegments.of(CYRILLIC.repeat(134)));
        assertEquals(new SmsSegments(Encoding.UCS_2, 135, 3), SmsSegments.of(CYRILLIC.repeat(135)));
    }

    @Test
    void R21_oneNonGsmCharacterMakesTheWholeTextUcs2() {
        assertEquals(new SmsSegments(Encoding.UCS_2, 100, 2), SmsSegments.of("a".repeat(99) + "ё"));
        // Ç is in the GSM alphabet, its lower case is not
        assertEquals(Encoding.GSM_7, SmsSegments.of("Ç").encoding());
        assertEquals(Encoding.UCS_2, SmsSegments.of("ç").encoding());
    }

    @Test
    void R21_extensionCharactersCountTwoSeptets() {
        assertEquals(new SmsSegments(Encoding.GSM_7, 160, 1), SmsSegments.of("€".repeat(80)));
        assertEquals(new SmsSegments(Encoding.GSM_7, 162, 2), SmsSegments.of("€".repeat(81)));
        assertEquals(new SmsSegments(Encoding.GSM_7, 24, 1), SmsSegments.of("{}[]^|\\~€\fab c"));
    }

    @Test
    void R21_anEscapePairIsNeverSplitBetweenParts() {
        // 306 septets would fit two parts of 153, but the euro sign cannot start at the 153rd septet
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertEquals(new SmsSegments(Encoding.GSM_7, 306, 3), SmsSegments.of(text));
    }

    @Test
    void R21_anEmojiTakesTwoUcs2UnitsAndIsNeverSplit() {
        assertEquals(new SmsSegments(Encoding.UCS_2, 70, 1), SmsSegments.of(CYRILLIC.repeat(68) + "😀"));
        // 134 units would fit two parts of 67, but the emoji cannot start at the 67th unit
        assertEquals(new SmsSegments(Encoding.UCS_2, 134, 3),
                SmsSegments.of(CYRILLIC.repeat(66) + "😀" + CYRILLIC.repeat(66)));
    }

    @Test
    void anEmptyTextIsNoSms() {
        assertEquals(new SmsSegments(Encoding.GSM_7, 0, 0), SmsSegments.of(""));
    }
}
