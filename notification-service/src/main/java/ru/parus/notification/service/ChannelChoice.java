package ru.parus.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.parus.notification.service.channel.ChannelKind;

/**
 * R21: never without consent for that channel; the customer's preferred channel first, then the next consented
 * channel with an address, in the configured order.
 */
public final class ChannelChoice {
    public static final String NO_CONSENT = "NO_CONSENT";
    public static final String NO_ADDRESS = "NO_ADDRESS";

    /** Either a channel with its address, or the reason there is none. */
    public record Choice(ChannelKind channel, String address, String reason) {
        static Choice of(ChannelKind channel, String address) {
            return new Choice(channel, address, null);
        }

        static Choice none(String reason) {
            return new Choice(null, null, reason);
        }

        public boolean chosen() {
            return channel != null;
        }
    }

    private ChannelChoice() {
    }

    /**
     * R21: picks the channel. {@code requested} (a manager's choice) is used only if consented and addressed.
     *
     * @param granted   channels the customer consented to (a channel not listed has no consent)
     * @param addresses channel -> address
     */
    public static Choice choose(Set<ChannelKind> granted, Map<ChannelKind, String> addresses, ChannelKind preferred,
            ChannelKind requested, List<ChannelKind> order) {
        if (granted.isEmpty()) {
            return Choice.none(NO_CONSENT);
        }
        List<ChannelKind> candidates = new ArrayList<>();
        if (requested != null) {
            candidates.add(requested);
        } else {
            LinkedHashSet<ChannelKind> ordered = new LinkedHashSet<>();
            if (preferred != null) {
                ordered.add(preferred);
            }
            ordered.addAll(order);
            candidates.addAll(ordered);
        }
        boolean anyConsented = false;
        for (ChannelKind c : candidates) {
            if (!granted.contains(c)) {
                continue;
            }
            anyConsented = true;
            String address = addresses.get(c);
            if (address != null && !address.isBlank()) {
                return Choice.of(c, address);
            }
        }
        return Choice.none(anyConsented ? NO_ADDRESS : NO_CONSENT);
    }
}
