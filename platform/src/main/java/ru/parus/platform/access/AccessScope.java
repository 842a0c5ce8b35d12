package ru.parus.platform.access;

import java.util.Set;

/**
 * Whose customers a list may show to the caller (R22, R24): everyone's ({@link #everyone()}), or the customers owned by
 * {@code owners} plus the unowned ones. A repository turns it into a WHERE clause on the owner column.
 */
public record AccessScope(boolean everyone, Set<String> owners) {
    public static AccessScope all() {
        return new AccessScope(true, Set.of());
    }

    public static AccessScope ownedBy(Set<String> owners) {
        return new AccessScope(false, Set.copyOf(owners));
    }

    /** Whether a record owned by {@code ownerManagerId} (null: nobody) is in the scope. */
    public boolean includes(String ownerManagerId) {
        return everyone || ownerManagerId == null || owners.contains(ownerManagerId);
    }
}
