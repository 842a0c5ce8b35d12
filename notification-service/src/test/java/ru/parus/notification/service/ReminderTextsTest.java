package ru.parus.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reminders' parameters in Russian (R25, R11): the pure wording, no application started. */
class ReminderTextsTest {
    @Test
    void R11_pointsTakeTheRussianPluralOfTheNumber() {
        assertEquals("балл", MessageTexts.points(1));
        assertEquals("балл", MessageTexts.points(21));
        assertEquals("балла", MessageTexts.points(3));
        assertEquals("балла", MessageTexts.points(1042));
        assertEquals("баллов", MessageTexts.points(0));
        assertEquals("баллов", MessageTexts.points(11));
        assertEquals("баллов", MessageTexts.points(112));
        assertEquals("баллов", MessageTexts.points(9120));
    }

    @Test
    void R11_theWarningGroupsThousandsAndDatesTheExpiry() {
        assertEquals(Map.of("expiringPoints", "5 468", "expiresOn", "11.12.2026", "balancePoints", "9 120 баллов"),
                MessageTexts.bonusPointsExpiring(5468, LocalDate.of(2026, 12, 11), 9120));
        assertEquals("1 балл", MessageTexts.bonusPointsExpiring(1, LocalDate.of(2026, 12, 11), 1).get("balancePoints"));
    }

    @Test
    void R25_theReminderNamesTheProductOrItsSkuWhenTheNameIsBlank() {
        assertEquals(Map.of("productName", "Whey Protein 900 g, chocolate", "runOutOn", "02.12.2026"),
                MessageTexts.replenishmentReminder("Whey Protein 900 g, chocolate", "WHEY-900-CHOC", LocalDate.of(2026, 12, 2)));
        assertEquals("WHEY-900-CHOC",
                MessageTexts.replenishmentReminder(" ", "WHEY-900-CHOC", LocalDate.of(2026, 12, 2)).get("productName"));
    }
}
