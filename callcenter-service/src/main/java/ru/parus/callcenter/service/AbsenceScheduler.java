package ru.parus.callcenter.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** R22: every few seconds, starts the absences that began and ends those that passed (see {@link Deputies}). */
@ApplicationScoped
public class AbsenceScheduler {
    @Inject
    Deputies deputies;

    @Scheduled(every = "${parus.callcenter.absence-scan-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void step() {
        deputies.startDue();
        deputies.endDue();
    }
}
