package ru.parus.callcenter.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class CallTaskService {
    @Inject
    CallTaskRepository tasks;

    /** A call task by id. Which manager may see which task (R22, R24) is decided with the task list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CallTask get(UUID id) {
        return tasks.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Call task", id));
    }
}
