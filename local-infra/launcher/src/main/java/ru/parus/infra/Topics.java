package ru.parus.infra;

import java.util.List;

/**
 * The topics of ARCHITECTURE.md, created up front by the local stack and the tests. {@code catalog-events} is the old
 * spelling of {@code catalogue-events} (issue 18): nothing publishes there any more, but notification-service reads it
 * for one release after the upgrade; remove it here and in docker-compose.yml when that release is over.
 */
public final class Topics {
    public static final List<String> ALL = List.of("customer-events", "order-events", "catalogue-events",
            "callcenter-events", "fulfillment-events", "notification-events", "catalog-events");
    public static final int PARTITIONS = 3;

    private Topics() {
    }
}
