package ru.parus.callcenter.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ru.parus.callcenter.repository.AbsenceRepository;
import ru.parus.platform.scan.ScanPacing;

/**
 * R22: every few seconds, starts the absences that began and ends those that passed (see {@link Deputies}); between
 * those instants the ticks skip the database ({@link ScanPacing}; a newly planned absence counts as a change).
 */
@ApplicationScoped
public class AbsenceScheduler {
    @Inject
    Deputies deputies;
    @Inject
    AbsenceRepository absences;
    @Inject
    ScanPacing pacing;

    @Scheduled(every = "${parus.callcenter.absence-scan-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void step() {
        pacing.run("absence-scan", () -> {
            deputies.startDue();
            deputies.endDue();
            return QuarkusTransaction.requiringNew().call(absences::nextChange);
        });
    }
}
