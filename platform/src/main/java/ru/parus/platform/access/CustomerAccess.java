package ru.parus.platform.access;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/**
 * The one access policy of every service (R22, R24). HEAD, DIRECTOR and ADMIN act on every customer by role. A manager
 * acts on the customers they own, on those of a colleague they currently deputise for (R22), and on unowned ones (also
 * those no customer event has told this service about yet). WAREHOUSE sees what the warehouse needs, shipments and their
 * papers ({@link #checkFulfilment}), never customers' other data. Another's record is a 403 problem; whether the record
 * exists (404) the caller checks first, so the answer is the same in every service.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerAccess {
    @Inject
    CurrentStaff staff;
    @Inject
    AccessDirectory directory;

    /** R24: may the caller read and change this customer's data, orders and messages? */
    public boolean mayAct(UUID customerId) {
        Boolean byRole = decidedByRole();
        if (byRole != null) {
            return byRole;
        }
        return managerMayAct(directory.ownerOf(customerId).managerId(), () -> directory.managersCoveredBy(staff.id()));
    }

    /**
     * R24, R22: whether the caller's roles decide {@link #mayAct} without the customer's owner: {@code TRUE} for those
     * who see every customer, {@code FALSE} for those who see none, {@code null} for a manager (the owner decides).
     */
    public Boolean decidedByRole() {
        if (staff.seesAll()) {
            return Boolean.TRUE;
        }
        return staff.hasRole(Roles.MANAGER) ? null : Boolean.FALSE;
    }

    /**
     * R24, R22: a manager acts on unowned customers, their own, and those of the managers they deputise for now
     * ({@code covered}, asked only when the owner is someone else).
     */
    public boolean managerMayAct(String ownerManagerId, Supplier<Set<String>> covered) {
        return ownerManagerId == null || ownerManagerId.equals(staff.id()) || covered.get().contains(ownerManagerId);
    }

    /** R24, R22: a 403 problem unless {@link #mayAct}. */
    public void checkCustomer(UUID customerId) {
        if (!mayAct(customerId)) {
            throw forbidden(customerId);
        }
    }

    /** R24: the warehouse reads shipments and their papers of any customer; everyone else as {@link #checkCustomer}. */
    public void checkFulfilment(UUID customerId) {
        if (!isWarehouseOnly()) {
            checkCustomer(customerId);
        }
    }

    /** R24, R22: whose customers a list shows to the caller. */
    public AccessScope scope() {
        if (staff.seesAll()) {
            return AccessScope.all();
        }
        Set<String> owners = new HashSet<>();
        if (staff.hasRole(Roles.MANAGER)) {
            owners.add(staff.id());
            owners.addAll(directory.managersCoveredBy(staff.id()));
        }
        return AccessScope.ownedBy(owners);
    }

    /** R24: a shipment list for the warehouse shows every shipment; for anyone else as {@link #scope}. */
    public AccessScope fulfilmentScope() {
        return isWarehouseOnly() ? AccessScope.all() : scope();
    }

    private boolean isWarehouseOnly() {
        return staff.hasRole(Roles.WAREHOUSE) && !staff.hasRole(Roles.MANAGER) && !staff.seesAll();
    }

    public static ProblemException forbidden(UUID customerId) {
        return new ProblemException(ProblemType.FORBIDDEN,
                "this customer belongs to another manager: a manager acts on their own customers, unowned ones and "
                        + "those of a colleague they deputise for (R22, R24)")
                .with("customerId", customerId);
    }
}
