package ru.parus.notification.service.channel;

/**
 * How long an SMS is for the network (R21: SMS length and encoding are shown with a template). A text made only
 * of the GSM 03.38 alphabet goes as GSM-7: 160 septets in one SMS, 153 per part of a long one, the extension
 * characters ({@code ^ { } \ [ ~ ] | €} and form feed) taking two septets each. Any other character, Cyrillic
 * included, makes the whole text UCS-2: 70 UTF-16 units in one SMS, 67 per part. A part never splits an
 * extension character's escape pair or a surrogate pair, as phones would then show garbage.
 *
 * @param units septets for GSM-7, UTF-16 code units for UCS-2
 * @param segments the SMS the provider bills; 0 for an empty text
 */
public record SmsSegments(Encoding encoding, int units, int segments) {
    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        /** Units of a text sent as one SMS. */
        public final int single;
        /** Units per part of a concatenated SMS (the rest of 140 bytes carries the part header). */
        public final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    public static SmsSegments of(String text) {
        if (text == null || text.isEmpty()) {
            return new SmsSegments(Encoding.GSM_7, 0, 0);
        }
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        int[] widths = gsm ? gsmWidths(text) : ucs2Widths(text);
        Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
        int units = 0;
        for (int w : widths) {
            units += w;
        }
        return new SmsSegments(encoding, units, units <= encoding.single ? 1 : parts(widths, encoding.perPart));
    }

    /** Parts of a concatenated SMS, filled greedily without splitting a character of two units. */
    private static int parts(int[] widths, int perPart) {
        int parts = 1;
        int used = 0;
        for (int w : widths) {
            if (used + w > perPart) {
                parts++;
                used = 0;
            }
            used += w;
        }
        return parts;
    }

    private static int[] gsmWidths(String text) {
        return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray();
    }

    private static int[] ucs2Widths(String text) {
        return text.codePoints().map(Character::charCount).toArray();
    }
}
