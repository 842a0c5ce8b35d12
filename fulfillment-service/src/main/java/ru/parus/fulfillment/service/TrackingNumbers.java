package ru.parus.fulfillment.service;

import java.util.regex.Pattern;

/** Tracking-number formats (R12): Russian Post's 14-digit domestic numbers and UPU S10 international numbers. */
public final class TrackingNumbers {
    private static final Pattern DOMESTIC = Pattern.compile("\\d{14}");
    private static final Pattern S10 = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
    private static final int[] S10_WEIGHTS = { 8, 6, 4, 2, 3, 5, 9, 7 };

    private TrackingNumbers() {
    }

    /** A Russian Post number: 14 digits (domestic) or a 13-character S10 number with a valid check digit. */
    public static boolean isRussianPost(String number) {
        return number != null && (DOMESTIC.matcher(number).matches() || isS10(number));
    }

    /** UPU S10: two letters, 8 digits, a check digit over them with weights 8,6,4,2,3,5,9,7, two letters. */
    public static boolean isS10(String number) {
        if (number == null || !S10.matcher(number).matches()) {
            return false;
        }
        return s10CheckDigit(number.substring(2, 10)) == number.charAt(10) - '0';
    }

    /** The S10 check digit of 8 serial digits: 11 - (weighted sum mod 11); 10 becomes 0 and 11 becomes 5. */
    public static int s10CheckDigit(String serial) {
        if (serial.length() != 8) {
            throw new IllegalArgumentException("an S10 serial has 8 digits: " + serial);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }
}
