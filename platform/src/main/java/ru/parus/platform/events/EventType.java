package ru.parus.platform.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A CloudEvents {@code type}: {@code ru.parus.<context>.<Name>.v<version>}, e.g.
 * {@code ru.parus.order.OrderPlaced.v1}. Names are past-tense facts; a breaking change is a new version.
 */
public record EventType(String context, String name, int version) {
    private static final Pattern FORMAT = Pattern.compile("ru\\.parus\\.([a-z]+)\\.([A-Z][A-Za-z]+)\\.v(\\d+)");

    public EventType {
        Objects.requireNonNull(context);
        Objects.requireNonNull(name);
        if (name.endsWith("Event")) {
            throw new IllegalArgumentException("event names are facts without an 'Event' suffix: " + name);
        }
    }

    public static EventType of(String context, String name, int version) {
        return new EventType(context, name, version);
    }

    /** Parses a {@code ce_type}; an unknown shape is not ours and yields null. */
    public static EventType parse(String ceType) {
        if (ceType == null) {
            return null;
        }
        var m = FORMAT.matcher(ceType);
        return m.matches() ? new EventType(m.group(1), m.group(2), Integer.parseInt(m.group(3))) : null;
    }

    public String ceType() {
        return "ru.parus." + context + "." + name + ".v" + version;
    }

    @Override
    public String toString() {
        return ceType();
    }
}
