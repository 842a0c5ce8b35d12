package ru.parus.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.parus.notification.service.channel.ChannelKind;

/** R21's channel rule without Quarkus: plain JUnit, milliseconds. */
class ChannelChoiceTest {
    private static final List<ChannelKind> ORDER = List.of(ChannelKind.values());

    @Test
    void R21_noConsentAtAllIsNoConsent() {
        var c = ChannelChoice.choose(Set.of(), Map.of(ChannelKind.EMAIL, "a@example.ru"), ChannelKind.EMAIL, null, ORDER);
        assertFalse(c.chosen());
        assertEquals(ChannelChoice.NO_CONSENT, c.reason());
    }

    @Test
    void R21_preferredConsentedChannelWithAddressComesFirst() {
        ChannelKind preferred = ORDER.get(ORDER.size() - 1);
        var c = ChannelChoice.choose(Set.copyOf(ORDER), addressesForAll(), preferred, null, ORDER);
        assertEquals(preferred, c.channel());
        assertEquals("addr-" + preferred, c.address());
    }

    @Test
    void R21_withoutAddressTheNextConsentedChannelInOrder() {
        ChannelKind first = ORDER.get(0);
        ChannelKind second = ORDER.get(1);
        var c = ChannelChoice.choose(Set.of(first, second), Map.of(second, "addr"), first, null, ORDER);
        assertEquals(second, c.channel());
    }

    @Test
    void R21_aChannelWithoutConsentIsNeverChosenEvenIfAddressed() {
        ChannelKind first = ORDER.get(0);
        ChannelKind second = ORDER.get(1);
        var c = ChannelChoice.choose(Set.of(second), Map.of(first, "addr"), first, null, ORDER);
        assertEquals(ChannelChoice.NO_ADDRESS, c.reason());
    }

    @Test
    void R21_aRequestedChannelOnlyIfConsentedAndAddressed() {
        ChannelKind first = ORDER.get(0);
        ChannelKind second = ORDER.get(1);
        var notConsented = ChannelChoice.choose(Set.of(second), addressesForAll(), null, first, ORDER);
        assertEquals(ChannelChoice.NO_CONSENT, notConsented.reason());
        var noAddress = ChannelChoice.choose(Set.of(first), Map.of(second, "addr"), null, first, ORDER);
        assertEquals(ChannelChoice.NO_ADDRESS, noAddress.reason());
        var chosen = ChannelChoice.choose(Set.of(first, second), addressesForAll(), second, first, ORDER);
        assertEquals(first, chosen.channel());
    }

    private static Map<ChannelKind, String> addressesForAll() {
        var m = new java.util.EnumMap<ChannelKind, String>(ChannelKind.class);
        for (ChannelKind k : ORDER) {
            m.put(k, "addr-" + k);
        }
        return m;
    }
}
