package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CallingHours;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CustomerProjectionRepository;

/**
 * What campaign selectors (R16) read of the customer projection: type, dormancy, the latest order's time and
 * storefront; and (R21, issue 17) the time zone and quiet hours the best hour to call is read in. Called by the
 * consumers next to the task queue, in the same transaction (inbox).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerProfiles {
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    BestHours bestHours;
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

    /**
     * R21 (issue 17): the customer's time zone and quiet hours, read when the best hour to call them is suggested; a
     * version older than the one applied is ignored (events of one customer may come out of order).
     */
    public void preferencesChanged(UUID customerId, ZoneId zone, CallingHours hours, long version) {
        CustomerProjection c = row(customerId);
        if (c.preferencesVersion != null && c.preferencesVersion >= version) {
            return;
        }
        c.preferencesVersion = version;
        c.timeZone = bestHours.usableZone(zone) ? zone.getId() : null;
        c.quietFrom = hours == null ? null : hours.quietFrom();
        c.quietTo = hours == null ? null : hours.quietTo();
        c.allowedHours = hours == null ? null : hours.mask();
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
