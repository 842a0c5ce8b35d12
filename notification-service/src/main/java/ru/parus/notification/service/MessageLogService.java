package ru.parus.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class MessageLogService {
    @Inject
    MessageLogRepository messages;

    /** A logged message by id (R21). Which manager may see whose messages (R24) comes with the log's list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageLog get(UUID id) {
        return messages.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Message", id));
    }
}
