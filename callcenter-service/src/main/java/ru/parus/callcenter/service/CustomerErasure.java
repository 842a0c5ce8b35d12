package ru.parus.callcenter.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.repository.PersonalData;

/**
 * R24: after customer-service erased a customer on request, this service forgets the customer's personal data in
 * its own tables: name and phones in the projection; phones and notes of calls and tasks (also a call or callback task
 * from one of the customer's numbers that was never matched to them); the reason and resolution of escalations; the
 * words and answers of complaints; script answers. Ids, outcomes, durations, priorities and scores stay, so tasks,
 * KPIs and reports still add up. Blanking what is blank changes nothing, so a repeat is harmless.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerErasure {
    public static final String ERASED_TEXT = PersonalData.ERASED_TEXT;

    @Inject
    PersonalData personalData;

    public void erase(UUID customerId) {
        personalData.erase(customerId);
    }
}
