package ru.parus.platform.access;

/**
 * What a service knows of who owns a customer (R24): nothing yet ({@link #UNKNOWN}: no customer event about them has
 * arrived), nobody ({@link #UNOWNED}), or one manager.
 */
public record CustomerOwner(boolean known, String managerId) {
    public static final CustomerOwner UNKNOWN = new CustomerOwner(false, null);
    public static final CustomerOwner UNOWNED = new CustomerOwner(true, null);

    public static CustomerOwner of(String managerId) {
        return managerId == null || managerId.isBlank() ? UNOWNED : new CustomerOwner(true, managerId);
    }
}
