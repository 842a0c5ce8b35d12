package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import ru.parus.callcenter.repository.CallTaskRepository;

/**
 * Ops: {@code parus_callcenter_tasks_overdue}, the open tasks past their due time, for the alert that calls are
 * slipping. Sampled on a schedule, so a scrape never waits on the database.
 */
@ApplicationScoped
public class OverdueTasksMetric {
    @Inject
    CallTaskRepository tasks;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    private final AtomicLong overdue = new AtomicLong();

    void register(@Observes StartupEvent event) {
        Gauge.builder("parus.callcenter.tasks.overdue", overdue, AtomicLong::get)
                .description("Open call tasks past their due time").register(registry);
    }

    @Scheduled(every = "${parus.callcenter.overdue-metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sample() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        overdue.set(QuarkusTransaction.requiringNew().call(() -> tasks.countOverdue(now)));
    }

    public long value() {
        return overdue.get();
    }
}
