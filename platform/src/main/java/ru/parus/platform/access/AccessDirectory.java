package ru.parus.platform.access;

import java.util.Set;
import java.util.UUID;

/**
 * The facts {@link CustomerAccess} decides on, as one service knows them from its own data or from customer-events and
 * the call centre's absences. {@link AccessProjection} is the default; a service that owns the facts (customer-service)
 * or keeps them already supplies its own bean.
 */
public interface AccessDirectory {
    /** The customer's owner, following merges to the surviving customer. */
    CustomerOwner ownerOf(UUID customerId);

    /** R22: the managers whose customers this staff member covers right now as their deputy. */
    Set<String> managersCoveredBy(String staffId);
}
