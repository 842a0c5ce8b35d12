package ru.parus.fulfillment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ru.parus.fulfillment.service.TrackingNumbers;

/** R12: Russian Post tracking numbers, by the UPU S10 standard and the 14-digit domestic format. */
class TrackingNumbersTest {
    @Test
    void R12_s10CheckDigitFollowsTheUpuWeights() {
        assertEquals(5, TrackingNumbers.s10CheckDigit("12345678")); // sum 204, 204 mod 11 = 6, 11 - 6
        assertEquals(9, TrackingNumbers.s10CheckDigit("47312482")); // the standard's example AA473124829GB
        assertEquals(5, TrackingNumbers.s10CheckDigit("00000000")); // 11 becomes 5
        assertEquals(0, TrackingNumbers.s10CheckDigit("00000008")); // sum 56, 56 mod 11 = 1: 10 becomes 0
    }

    @Test
    void R12_s10NumbersAreValidatedWithTheirCheckDigit() {
        assertTrue(TrackingNumbers.isS10("RA123456785RU"));
        assertTrue(TrackingNumbers.isS10("AA473124829GB"));
        assertFalse(TrackingNumbers.isS10("RA123456784RU"), "wrong check digit");
        assertFalse(TrackingNumbers.isS10("ra123456785RU"), "letters are upper case");
        assertFalse(TrackingNumbers.isS10("RA12345678RU"), "12 characters");
        assertFalse(TrackingNumbers.isS10(null));
    }

    @Test
    void R12_russianPostAcceptsDomesticFourteenDigitsAndS10() {
        assertTrue(TrackingNumbers.isRussianPost("62001412345678"));
        assertTrue(TrackingNumbers.isRussianPost("RA123456785RU"));
        assertFalse(TrackingNumbers.isRussianPost("6200141234567"), "13 digits");
        assertFalse(TrackingNumbers.isRussianPost("620014123456789"), "15 digits");
        assertFalse(TrackingNumbers.isRussianPost("PC-12345678"));
    }
}
