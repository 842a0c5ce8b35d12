package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.Priority;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.service.OverdueTasksMetric;

/** Ops: parus_callcenter_tasks_overdue counts open tasks past their due time. */
@QuarkusTest
class OverdueTasksGaugeTest {
    @Inject
    CallTaskRepository tasks;
    @Inject
    OverdueTasksMetric metric;
    @Inject
    Clock clock;

    CallTask task(Duration dueIn, TaskStatus status) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.kind = "ASSIGNED";
        t.cause = "test:" + t.id;
        t.assignee = "manager-gauge";
        t.status = status;
        t.priority = Priority.NORMAL.rank();
        t.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        t.dueAt = t.createdAt.plus(dueIn);
        QuarkusTransaction.requiringNew().run(() -> tasks.persist(t));
        return t;
    }

    @Test
    void openTasksPastDueAreCountedAndExported() {
        metric.sample();
        long before = metric.value();
        task(Duration.ofMinutes(-5), TaskStatus.OPEN); // overdue
        task(Duration.ofMinutes(-5), TaskStatus.DONE); // done: not counted
        task(Duration.ofDays(365), TaskStatus.OPEN); // not yet due
        metric.sample();
        assertEquals(before + 1, metric.value());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("parus_callcenter_tasks_overdue " + (double) metric.value()));
    }
}
