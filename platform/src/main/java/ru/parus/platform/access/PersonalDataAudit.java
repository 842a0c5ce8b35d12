package ru.parus.platform.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.parus.platform.events.EventType;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/**
 * R24: every read of a customer's personal data (name, phone, e-mail, address, recipient) is accountable. Each service
 * records it as {@code PersonalDataAccessed} on {@code audit-events} through its outbox, so it is never lost and never
 * recorded for a request that failed; customer-service collects them into one log that ADMIN reads.
 */
@ApplicationScoped
public class PersonalDataAudit {
    public static final String TOPIC = "audit-events";
    public static final EventType PERSONAL_DATA_ACCESSED = EventType.of("audit", "PersonalDataAccessed", 1);
    private static final List<String> ROLES = List.of(Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN,
            Roles.WAREHOUSE);

    @Inject
    Outbox outbox;
    @Inject
    CurrentStaff staff;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** The event's data: who read which fields of which customer, when, through which endpoint of which service. */
    public record PersonalDataAccessed(UUID customerId, String staffId, List<String> roles, String service,
            String endpoint, List<String> fields, OffsetDateTime accessedAt) {
    }

    /** R24: the caller's response shows these fields of this customer. */
    @Transactional
    public void read(UUID customerId, String endpoint, Collection<String> fields) {
        if (customerId == null) {
            return;
        }
        List<String> roles = ROLES.stream().filter(staff::hasRole).toList();
        outbox.publish(TOPIC, "Customer", customerId, PERSONAL_DATA_ACCESSED, new PersonalDataAccessed(customerId,
                staff.id(), roles, service, endpoint, List.copyOf(fields), OffsetDateTime.now(clock)));
    }

    /** R24: one entry per customer of a page of results. */
    @Transactional
    public void read(Collection<UUID> customerIds, String endpoint, Collection<String> fields) {
        customerIds.stream().distinct().forEach(id -> read(id, endpoint, fields));
    }
}
