package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CustomerProjectionRepository;

/**
 * What campaign selectors (R16) read of the customer projection: type, dormancy, the latest order's time and
 * storefront. Called by the consumers next to the task queue, in the same transaction (inbox).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerProfiles {
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    Clock clock;

    public void registered(UUID customerId, String type) {
        CustomerProjection c = row(customerId);
        if (type != null) {
            c.customerType = type;
        }
    }

    public void dormant(UUID customerId, String type, OffsetDateTime lastOrderAt) {
        CustomerProjection c = row(customerId);
        c.dormant = true;
        if (type != null) {
            c.customerType = type;
        }
        later(c, lastOrderAt, null);
    }

    public void reactivated(UUID customerId, OffsetDateTime orderPlacedAt) {
        CustomerProjection c = row(customerId);
        c.dormant = false;
        later(c, orderPlacedAt, null);
    }

    public void orderPlaced(UUID customerId, String channel, OffsetDateTime placedAt) {
        later(row(customerId), placedAt, channel);
    }

    /** Only a later order moves the latest order's time (events of one customer may come out of order). */
    private static void later(CustomerProjection c, OffsetDateTime at, String channel) {
        if (at != null && (c.lastOrderAt == null || at.isAfter(c.lastOrderAt))) {
            c.lastOrderAt = at;
            if (channel != null) {
                c.lastStorefront = channel;
            }
        } else if (at == null && channel != null && c.lastStorefront == null) {
            c.lastStorefront = channel;
        }
    }

    private CustomerProjection row(UUID customerId) {
        return customers.lockOrCreate(customerId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
