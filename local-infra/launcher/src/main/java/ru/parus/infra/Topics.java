package ru.parus.infra;

import java.util.List;

/** The topics of ARCHITECTURE.md, created up front by the local stack and the tests. */
public final class Topics {
    public static final List<String> ALL = List.of("customer-events", "order-events", "catalog-events",
            "callcenter-events", "fulfillment-events", "notification-events");
    public static final int PARTITIONS = 3;

    private Topics() {
    }
}
