package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.domain.Customer;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.event.CustomerReactivated;
import ru.parus.customer.event.CustomerRegistered;
import ru.parus.customer.event.OrderPlaced;
import ru.parus.customer.repository.CustomerRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@ApplicationScoped
@Transactional
public class CustomerService {
    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    @Inject
    CustomerRepository customers;
    @Inject
    PhoneNumbers phones;
    @Inject
    CustomerConfig config;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    public record NewCustomer(String name, String phone, String email, String type) {
    }

    /** Registers a customer (R6: recorded and announced); a manager who registers one becomes its owner. */
    public Customer register(NewCustomer request, CurrentStaff staff) {
        if (!config.types().contains(request.type())) {
            throw ProblemException.invalidField("type", "must be one of " + config.types())
                    .with("allowedTypes", config.types());
        }
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = request.name().strip();
        customer.phone = request.phone() == null ? null : phones.normalize("phone", request.phone());
        customer.email = request.email() == null ? null : request.email().strip().toLowerCase();
        customer.type = request.type();
        customer.ownerManagerId = staff.hasRole(Roles.MANAGER) ? staff.id() : null;
        customer.createdAt = OffsetDateTime.now(clock);
        customer.activeAt = customer.createdAt; // R14: one who never orders is dormant 6 months after registration
        customers.persist(customer);
        outbox.publish(CustomerEvents.TOPIC, CustomerEvents.AGGREGATE, customer.id, CustomerEvents.REGISTERED,
                new CustomerRegistered(customer.id, customer.name, customer.phone, customer.email, customer.type,
                        customer.ownerManagerId, customer.createdAt));
        return customer;
    }

    /**
     * R24: the head, the director and admins see every customer; a manager sees the customers they
     * own and those nobody owns yet. A customer out of sight answers 404, as if it did not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id, CurrentStaff staff) {
        Customer customer = customers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
        if (!staff.seesAll() && customer.ownerManagerId != null && !customer.ownerManagerId.equals(staff.id())) {
            throw ProblemException.notFound("Customer", id);
        }
        return customer;
    }

    /**
     * Activity from order-service: last order time, order count and lifetime value (R14). An order of a
     * dormant customer ends the dormancy episode and publishes {@code CustomerReactivated}. The row is
     * locked, so that an order and a dormancy scan on the same customer serialise instead of failing.
     */
    public void orderPlaced(OrderPlaced event) {
        Customer customer = customers.findByIdOptional(event.customerId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (customer == null) {
            LOG.warnf("OrderPlaced %s names unknown customer %s; ignored", event.orderId(), event.customerId());
            return;
        }
        customer.recordOrder(event.placedAt(), event.totalKopecks() == null ? 0 : event.totalKopecks());
        if (customer.dormant()) {
            reactivate(customer, event);
        }
    }

    /** R14: the next order after dormancy starts a new episode. */
    private void reactivate(Customer customer, OrderPlaced event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime dormantSince = customer.dormantSince;
        customer.dormantSince = null;
        // a late-delivered old order must not make the customer dormant again at the next scan
        if (now.isAfter(customer.activeAt)) {
            customer.activeAt = now;
        }
        outbox.publish(CustomerEvents.TOPIC, CustomerEvents.AGGREGATE, customer.id, CustomerEvents.REACTIVATED,
                new CustomerReactivated(customer.id, customer.dormancyEpisode, dormantSince, now, event.orderId(),
                        event.placedAt(), customer.ownerManagerId));
    }
}
