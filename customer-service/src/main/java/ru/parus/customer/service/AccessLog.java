package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.customer.event.PersonalDataAccessed;
import ru.parus.customer.repository.AccessLogRepository;
import ru.parus.customer.repository.AccessLogRepository.Entry;
import ru.parus.customer.repository.AccessLogRepository.Filter;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R24: records each read of customers' personal data, and answers who read a customer's data. */
@ApplicationScoped
@Transactional
public class AccessLog {
    private static final List<String> ROLES = List.of(Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN,
            Roles.WAREHOUSE);

    @Inject
    AccessLogRepository log;
    @Inject
    Clock clock;

    /** R24: one row per customer whose personal data the response shows (set-based for a page of search hits). */
    public void read(Collection<UUID> customerIds, String endpoint, String fields, CurrentStaff staff) {
        if (customerIds.isEmpty()) {
            return;
        }
        String roles = ROLES.stream().filter(staff::hasRole).collect(Collectors.joining(","));
        log.insertReads(customerIds, staff.id(), roles, endpoint, fields, OffsetDateTime.now(clock));
    }

    public void read(UUID customerId, String endpoint, String fields, CurrentStaff staff) {
        read(List.of(customerId), endpoint, fields, staff);
    }

    /** R24: another service's PersonalDataAccessed (audit-events); a redelivered event is one row. */
    public void recorded(UUID eventId, PersonalDataAccessed read) {
        log.insertRecorded(eventId, read);
    }

    /** R24: the system-wide log, newest first, for ADMIN. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> search(Filter filter, PageRequest page) {
        return Page.of(page, log.count(filter), log.search(filter, page));
    }

    /** Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> of(UUID customerId, PageRequest page) {
        return search(new Filter(customerId, null, null, null, null), page);
    }
}
